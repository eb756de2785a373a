import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { assertTransition, auditedWrite, authorize, authorizedRecord, chinaInstantSql, chinaLocalSql, chinaPeriodSql, codeWithinPrefix, Granularity, periodLabel, readTrendWindow, truncUnit, assertId, Weight } from '@shequ/kit';
import { publicSafetyPolicy } from '../access-policy';
import type { PublicSafetyContext } from '../context';
import { INCIDENT_TRANSITIONS, SafetyIncident, SafetyIncidentCategory, SafetyIncidentStatus } from './safety-incident.entity';
import { readReportSafetyIncident, ReportSafetyIncidentInput } from './safety-incident.input';

@ObjectType({ description: 'Safety incidents in one period of a trend.' })
export class IncidentTrendPoint {
  @Field({ description: '2026-03, 2026-Q1 or 2026.' })
  period: string;

  @Field(() => Date, { description: 'The period starts here (UTC).' })
  start: Date;

  @Field(() => Int)
  incidents: number;

  @Field(() => Int, { description: 'Of which HIGH or CRITICAL.' })
  seriousIncidents: number;
}

@Resolver(() => SafetyIncident)
export class SafetyIncidentResolver {
  @Query(() => [IncidentTrendPoint], { description: 'Incidents per period in a region (by occurredAt, cut in China time, Asia/Shanghai), empty periods included as zero; `category` keeps one category.' })
  @Weight(2500)
  async incidentTrend(
    @Ctx() context: PublicSafetyContext,
    @Arg('regionCode') regionCode: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('granularity', () => Granularity, { defaultValue: Granularity.MONTH }) granularity: Granularity,
    @Arg('category', () => SafetyIncidentCategory, { nullable: true }) category?: SafetyIncidentCategory | null,
  ): Promise<IncidentTrendPoint[]> {
    const window = readTrendWindow({ regionCode, from, to, granularity });
    const unit = truncUnit(window.granularity);
    const rows: { start: Date; incidents: string; serious: string }[] = await context.dataSource.query(
      `SELECT ${chinaInstantSql('period.start')} AS start, count(i.id) AS incidents,
              count(i.id) FILTER (WHERE i.severity IN ('HIGH', 'CRITICAL')) AS serious
       FROM generate_series(${chinaPeriodSql('$2::timestamptz', `'${unit}'`)}, ${chinaLocalSql('$3::timestamptz')} - interval '1 microsecond', interval '1 ${unit}') AS period(start)
       LEFT JOIN public_safety.safety_incident i
         ON ${codeWithinPrefix('i.community_code', '$1')}
        AND ${chinaPeriodSql('i.occurred_at', `'${unit}'`)} = period.start
        AND i.occurred_at >= $2 AND i.occurred_at < $3
        AND ($4::text IS NULL OR i.category = $4)
       GROUP BY period.start
       ORDER BY period.start`,
      [window.prefix, window.from, window.to, category ?? null],
    );
    return rows.map((row) => ({ period: periodLabel(row.start, window.granularity), start: row.start, incidents: Number(row.incidents), seriousIncidents: Number(row.serious) }));
  }

  @Mutation(() => SafetyIncident, { description: 'Records a safety incident in a community (status REPORTED).' })
  reportIncident(@Arg('input', () => ReportSafetyIncidentInput) input: ReportSafetyIncidentInput, @Ctx() context: PublicSafetyContext): Promise<SafetyIncident> {
    const incident = readReportSafetyIncident(input);
    authorize(publicSafetyPolicy, 'reportIncident', context.viewer, incident.communityCode);
    return auditedWrite(context, { operation: 'reportIncident', targetType: 'SafetyIncident' }, async (manager) => {
      const saved = await manager.save(manager.create(SafetyIncident, { ...incident, status: SafetyIncidentStatus.REPORTED }));
      return { result: saved, targetIds: [saved.id] };
    });
  }

  @Mutation(() => SafetyIncident, { description: 'Moves an incident: REPORTED → INVESTIGATING → RESOLVED, or DISMISSED.' })
  updateIncidentStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => SafetyIncidentStatus) status: SafetyIncidentStatus,
    @Ctx() context: PublicSafetyContext,
  ): Promise<SafetyIncident> {
    assertId(id, 'id');
    return auditedWrite(context, { operation: 'updateIncidentStatus', targetType: 'SafetyIncident' }, async (manager) => {
      const incident = authorizedRecord(publicSafetyPolicy, 'updateIncidentStatus', context.viewer, await manager.findOne(SafetyIncident, { where: { id }, lock: { mode: 'pessimistic_write' } }), `safety incident ${id}`, (row) => ({
        code: row.communityCode,
      }));
      assertTransition(INCIDENT_TRANSITIONS, incident.status, status, 'the incident');
      incident.status = status;
      return { result: await manager.save(incident), targetIds: [id] };
    });
  }
}
