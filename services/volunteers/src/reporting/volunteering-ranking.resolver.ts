import { Arg, Ctx, Field, Float, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { assertRegionCode, codeWithinPrefix, DEFAULT_RANKING_SIZE, lastTwelveMonths, readRankingFirst, significantPrefix, sqlDate, sqlInstant, Weight } from '@shequ/kit';
import { CommunityReference } from '../community/community.reference';
import type { VolunteersContext } from '../context';

export enum VolunteeringRankingMetric {
  REGISTERED_VOLUNTEERS = 'REGISTERED_VOLUNTEERS',
  ACTIVE_VOLUNTEERS = 'ACTIVE_VOLUNTEERS',
  ACTIVE_VOLUNTEER_SHARE = 'ACTIVE_VOLUNTEER_SHARE',
  CONFIRMED_HOURS_LAST_12_MONTHS = 'CONFIRMED_HOURS_LAST_12_MONTHS',
  ACTIVITIES_LAST_12_MONTHS = 'ACTIVITIES_LAST_12_MONTHS',
  MEDIAN_HOURS_PER_ACTIVE_VOLUNTEER = 'MEDIAN_HOURS_PER_ACTIVE_VOLUNTEER',
}
registerEnumType(VolunteeringRankingMetric, {
  name: 'VolunteeringRankingMetric',
  description:
    'What rankCommunitiesByVolunteering orders by. Only figures the volunteers subgraph computes from its own rows: per-resident rates need governance\'s population, which this subgraph cannot read — use Community.volunteerStats.registeredVolunteersPer100Residents for those. Communities with no rows for the metric are not ranked.',
  valuesConfig: {
    REGISTERED_VOLUNTEERS: { description: 'Registered, not withdrawn, volunteers.' },
    ACTIVE_VOLUNTEERS: { description: 'Registered volunteers with confirmed hours in the last 12 months.' },
    ACTIVE_VOLUNTEER_SHARE: { description: 'ACTIVE_VOLUNTEERS / REGISTERED_VOLUNTEERS (0–1).' },
    CONFIRMED_HOURS_LAST_12_MONTHS: { description: 'Confirmed hours of activities held in the community in the last 12 months.' },
    ACTIVITIES_LAST_12_MONTHS: { description: 'Activities started in the community in the last 12 months.' },
    MEDIAN_HOURS_PER_ACTIVE_VOLUNTEER: { description: "Median of active volunteers' confirmed hours over the last 12 months." },
  },
});

@ObjectType({ description: "One community's place in a volunteering ranking." })
export class VolunteeringRanking {
  @Field(() => CommunityReference)
  community: Pick<CommunityReference, 'code'>;

  @Field(() => Float, { nullable: true })
  value: number | null;
}

/** One SQL per metric: `code` and `value` per community within the prefix $1; built per request, over the kit's China-time last 12 months. */
function rankingSql(metric: VolunteeringRankingMetric, window = lastTwelveMonths()): string {
  const onDays = (column: string) => `${column} BETWEEN ${sqlDate(window.first)} AND ${sqlDate(window.last)}`;
  const LAST_12_MONTHS = `s.confirmed_at IS NOT NULL AND ${onDays('s.served_on')}`;
  /** Active: confirmed service in the last 12 months, read from the day kept on the volunteer row. */
  const ACTIVE = onDays('v.last_served_on');
  return rankingStatements(LAST_12_MONTHS, ACTIVE, `a.starts_at >= ${sqlInstant(window.since)} AND a.starts_at < ${sqlInstant(window.until)}`)[metric];
}

function rankingStatements(LAST_12_MONTHS: string, ACTIVE: string, STARTED_LAST_12_MONTHS: string): Record<VolunteeringRankingMetric, string> {
  return {
  REGISTERED_VOLUNTEERS: `
    SELECT v.community_code AS code, count(*)::float8 AS value FROM volunteers.volunteer v
    WHERE ${codeWithinPrefix('v.community_code', '$1')} AND v.status <> 'WITHDRAWN' GROUP BY v.community_code`,
  ACTIVE_VOLUNTEERS: `
    SELECT v.community_code AS code, count(*)::float8 AS value FROM volunteers.volunteer v
    WHERE ${codeWithinPrefix('v.community_code', '$1')} AND v.status <> 'WITHDRAWN'
      AND ${ACTIVE}
    GROUP BY v.community_code`,
  ACTIVE_VOLUNTEER_SHARE: `
    SELECT v.community_code AS code,
           (count(*) FILTER (WHERE ${ACTIVE}))::float8 / count(*) AS value
    FROM volunteers.volunteer v
    WHERE ${codeWithinPrefix('v.community_code', '$1')} AND v.status <> 'WITHDRAWN' GROUP BY v.community_code`,
  CONFIRMED_HOURS_LAST_12_MONTHS: `
    SELECT s.community_code AS code, sum(s.hours)::float8 AS value FROM volunteers.activity_signup s
    WHERE ${codeWithinPrefix('s.community_code', '$1')} AND ${LAST_12_MONTHS} GROUP BY s.community_code`,
  ACTIVITIES_LAST_12_MONTHS: `
    SELECT a.community_code AS code, count(*)::float8 AS value FROM volunteers.activity a
    WHERE ${codeWithinPrefix('a.community_code', '$1')} AND ${STARTED_LAST_12_MONTHS}
    GROUP BY a.community_code`,
  MEDIAN_HOURS_PER_ACTIVE_VOLUNTEER: `
    SELECT code, percentile_cont(0.5) WITHIN GROUP (ORDER BY total)::float8 AS value FROM (
      SELECT v.community_code AS code, sum(s.hours) AS total
      FROM volunteers.volunteer v JOIN volunteers.activity_signup s ON s.volunteer_id = v.id AND ${LAST_12_MONTHS}
      WHERE ${codeWithinPrefix('v.community_code', '$1')} AND v.status <> 'WITHDRAWN'
      GROUP BY v.id, v.community_code) per_volunteer
    GROUP BY code`,
};
}

@Resolver()
export class VolunteeringRankingResolver {
  @Query(() => [VolunteeringRanking], { description: 'Communities of a region ranked by a volunteering metric, highest first (ties by code).' })
  @Weight(19000)
  async rankCommunitiesByVolunteering(
    @Ctx() context: VolunteersContext,
    @Arg('metric', () => VolunteeringRankingMetric) metric: VolunteeringRankingMetric,
    @Arg('regionCode') regionCode: string,
    @Arg('first', () => Int, { defaultValue: DEFAULT_RANKING_SIZE, description: '1 to 100.' }) first: number,
  ): Promise<VolunteeringRanking[]> {
    assertRegionCode(regionCode, 'regionCode');
    readRankingFirst(first);
    const rows: { code: string; value: number | null }[] = await context.dataSource.query(
      `SELECT code, value FROM (${rankingSql(metric)}) ranked ORDER BY value DESC NULLS LAST, code LIMIT $2`,
      [significantPrefix(regionCode), first],
    );
    return rows.map((row) => ({ community: { code: row.code }, value: row.value }));
  }
}
