import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { chinaInstantSql, chinaLocalSql, chinaPeriodSql, codeWithinPrefix, Granularity, periodLabel, readTrendWindow, truncUnit, Weight } from '@shequ/kit';
import type { PublicSafetyContext } from '../context';
import { SafetyIncidentCategory } from '../incidents/safety-incident.entity';

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

@Resolver()
export class IncidentTrendResolver {
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
}
