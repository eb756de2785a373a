import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { assertRegionCode, codeWithinPrefix, DEFAULT_RANKING_SIZE, distributionBucketSql, lastThirtyDays, lastTwelveMonths, readRankingFirst, significantPrefix, sqlInstant, Weight } from '@shequ/kit';
import { onDaysOf } from '../community/safety-stats.loader';
import { CommunityReference } from '../community/community.reference';
import type { PublicSafetyContext } from '../context';

export enum SafetyRankingMetric {
  INCIDENTS_LAST_12_MONTHS = 'INCIDENTS_LAST_12_MONTHS',
  MEDIATION_CASES_LAST_12_MONTHS = 'MEDIATION_CASES_LAST_12_MONTHS',
  MEDIATION_FAILURE_RATE = 'MEDIATION_FAILURE_RATE',
  MEDIATION_AGREEMENT_RATE = 'MEDIATION_AGREEMENT_RATE',
  MEDIAN_DAYS_TO_CLOSE_MEDIATION = 'MEDIAN_DAYS_TO_CLOSE_MEDIATION',
  OPEN_HAZARDS = 'OPEN_HAZARDS',
  PATROLS_LAST_MONTH = 'PATROLS_LAST_MONTH',
}
registerEnumType(SafetyRankingMetric, {
  name: 'SafetyRankingMetric',
  description:
    "What to rank communities by, highest first, as in SafetyStats. Only figures public safety's own rows compute: per-resident rates need governance's population, which this subgraph cannot read (rank by a count and read incidentsPer1000Residents from safetyStats). Communities with no rows for the metric do not appear.",
  valuesConfig: {
    MEDIATION_FAILURE_RATE: { description: 'Share of mediation cases closed in the last 12 months without agreement (REFERRED or FAILED): the worst outcomes first.' },
    MEDIATION_AGREEMENT_RATE: { description: 'Share of mediation cases closed in the last 12 months with agreement.' },
  },
});

@ObjectType({ description: 'A community and its value for the ranking metric.' })
export class SafetyRanking {
  @Field(() => CommunityReference)
  community: { code: string };

  @Field(() => Float, { nullable: true })
  value: number | null;
}

/** Per metric, built per request: the windows are the kit's China-time ones, as in safetyStats. */
const METRICS: Record<SafetyRankingMetric, () => { table: string; where: string; value: string }> = {
  INCIDENTS_LAST_12_MONTHS: () => {
    const window = lastTwelveMonths();
    return { table: 'safety_incident', where: `t.occurred_at >= ${sqlInstant(window.since)} AND t.occurred_at < ${sqlInstant(window.until)}`, value: 'count(*)' };
  },
  MEDIATION_CASES_LAST_12_MONTHS: () => ({ table: 'mediation_case', where: onDaysOf('t.received_on', lastTwelveMonths()), value: 'count(*)' }),
  MEDIATION_FAILURE_RATE: () => ({ table: 'mediation_case', where: onDaysOf('t.closed_on', lastTwelveMonths()), value: `avg((t.outcome <> 'AGREEMENT_REACHED')::int)` }),
  MEDIATION_AGREEMENT_RATE: () => ({ table: 'mediation_case', where: onDaysOf('t.closed_on', lastTwelveMonths()), value: `avg((t.outcome = 'AGREEMENT_REACHED')::int)` }),
  MEDIAN_DAYS_TO_CLOSE_MEDIATION: () => ({ table: 'mediation_case', where: onDaysOf('t.closed_on', lastTwelveMonths()), value: `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${distributionBucketSql('t.days_to_close')})` }),
  OPEN_HAZARDS: () => ({ table: 'inspection_hazard', where: 't.fixed_on IS NULL', value: 'count(*)' }),
  PATROLS_LAST_MONTH: () => ({ table: 'patrol', where: onDaysOf('t.patrolled_on', lastThirtyDays()), value: 'count(*)' }),
};

@Resolver()
export class SafetyRankingResolver {
  @Query(() => [SafetyRanking], { description: 'The communities of a region ranked by a safety metric, highest first (ties by code).' })
  @Weight(1600)
  async rankCommunitiesBySafety(
    @Ctx() context: PublicSafetyContext,
    @Arg('metric', () => SafetyRankingMetric) metric: SafetyRankingMetric,
    @Arg('regionCode') regionCode: string,
    @Arg('first', () => Int, { defaultValue: DEFAULT_RANKING_SIZE, description: '1–100.' }) first: number,
  ): Promise<SafetyRanking[]> {
    assertRegionCode(regionCode, 'regionCode');
    readRankingFirst(first);
    const spec = METRICS[metric]();
    const rows: { code: string; value: string | null }[] = await context.dataSource.query(
      `SELECT t.community_code AS code, ${spec.value} AS value
       FROM public_safety.${spec.table} t
       WHERE ${codeWithinPrefix('t.community_code', '$1::text')} AND ${spec.where}
       GROUP BY t.community_code
       ORDER BY value DESC NULLS LAST, t.community_code
       LIMIT $2`,
      [significantPrefix(regionCode), first],
    );
    return rows.map((row) => ({ community: { code: row.code }, value: row.value === null ? null : Number(row.value) }));
  }
}
