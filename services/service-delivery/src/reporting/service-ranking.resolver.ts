import { Arg, Ctx, Field, Float, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { assertRegionCode, codeWithinPrefix, DEFAULT_RANKING_SIZE, readRankingFirst, significantPrefix, Weight } from '@shequ/kit';
import { CommunityReference } from '../community/community.reference';
import {
  averageSatisfaction,
  COUNTED_FACILITY,
  investmentThisYear,
  medianDaysToResolve,
  OPEN_REQUEST,
  relevantRequest,
  resolvedWithin15DaysRate,
  submittedLast12Months,
  WELFARE_FACILITY,
} from '../community/service-stats.sql';
import type { ServiceDeliveryContext } from '../context';

export enum ServiceRankingMetric {
  FACILITY_COUNT = 'FACILITY_COUNT',
  WELFARE_FACILITIES = 'WELFARE_FACILITIES',
  OPEN_REQUESTS = 'OPEN_REQUESTS',
  REQUESTS_LAST_12_MONTHS = 'REQUESTS_LAST_12_MONTHS',
  RESOLVED_WITHIN_15_DAYS_RATE = 'RESOLVED_WITHIN_15_DAYS_RATE',
  MEDIAN_DAYS_TO_RESOLVE = 'MEDIAN_DAYS_TO_RESOLVE',
  AVERAGE_SATISFACTION = 'AVERAGE_SATISFACTION',
  INVESTMENT_THIS_YEAR = 'INVESTMENT_THIS_YEAR',
}
registerEnumType(ServiceRankingMetric, {
  name: 'ServiceRankingMetric',
  description:
    'A ServiceStats figure to rank communities by, with the same meaning as in ServiceStats. ' +
    'Per-resident rates (welfareFacilitiesPer1000Residents) are not offered: they need governance\'s population, which this subgraph cannot read; ' +
    'rank by WELFARE_FACILITIES and read serviceStats { welfareFacilitiesPer1000Residents } on the ranked communities instead.',
  valuesConfig: {
    MEDIAN_DAYS_TO_RESOLVE: { description: 'Highest first, like every metric: the slowest communities lead.' },
    OPEN_REQUESTS: { description: 'Highest first: the largest backlogs lead.' },
  },
});

@ObjectType({ description: "A community's place in a service ranking." })
export class ServiceRanking {
  @Field(() => CommunityReference)
  community: CommunityReference;

  @Field(() => Float, { nullable: true })
  value: number | null;
}

/** Per metric: the table, the rows that matter, and the per-community value; shares the stats' SQL meanings (built per request: the windows move with the clock). */
const METRICS: Record<ServiceRankingMetric, () => { from: string; where: string; value: string }> = {
  FACILITY_COUNT: () => ({ from: 'service_delivery.service_facility f', where: COUNTED_FACILITY, value: 'count(*)' }),
  WELFARE_FACILITIES: () => ({ from: 'service_delivery.service_facility f', where: `${COUNTED_FACILITY} AND ${WELFARE_FACILITY}`, value: 'count(*)' }),
  OPEN_REQUESTS: () => ({ from: 'service_delivery.service_request r', where: OPEN_REQUEST, value: 'count(*)' }),
  REQUESTS_LAST_12_MONTHS: () => ({ from: 'service_delivery.service_request r', where: submittedLast12Months(), value: 'count(*)' }),
  RESOLVED_WITHIN_15_DAYS_RATE: () => ({ from: 'service_delivery.service_request r', where: relevantRequest(), value: resolvedWithin15DaysRate() }),
  MEDIAN_DAYS_TO_RESOLVE: () => ({ from: 'service_delivery.service_request r', where: relevantRequest(), value: medianDaysToResolve() }),
  AVERAGE_SATISFACTION: () => ({ from: 'service_delivery.service_request r', where: relevantRequest(), value: averageSatisfaction() }),
  INVESTMENT_THIS_YEAR: () => ({ from: 'service_delivery.service_investment i', where: investmentThisYear('i'), value: 'sum(i.amount)' }),
};

@Resolver()
export class ServiceRankingResolver {
  @Query(() => [ServiceRanking], {
    description:
      'The communities of a region ranked by a service figure, highest first (ties by code). Only communities with a value appear: a community with no facilities, requests or investment has none here.',
  })
  @Weight(5500)
  async rankCommunitiesByService(
    @Ctx() context: ServiceDeliveryContext,
    @Arg('metric', () => ServiceRankingMetric) metric: ServiceRankingMetric,
    @Arg('regionCode') regionCode: string,
    @Arg('first', () => Int, { defaultValue: DEFAULT_RANKING_SIZE }) first: number,
  ): Promise<ServiceRanking[]> {
    assertRegionCode(regionCode, 'regionCode');
    readRankingFirst(first);
    const spec = METRICS[metric]();
    const alias = spec.from.slice(-1);
    const rows: { code: string; value: number | null }[] = await context.dataSource.query(
      `SELECT * FROM (
         SELECT ${alias}.community_code AS code, (${spec.value})::float8 AS value
         FROM ${spec.from}
         WHERE ${codeWithinPrefix(`${alias}.community_code`, '$1')} AND ${spec.where}
         GROUP BY ${alias}.community_code
       ) ranked
       WHERE value IS NOT NULL
       ORDER BY value DESC, code
       LIMIT $2`,
      [significantPrefix(regionCode), first],
    );
    return rows.map((row) => ({ community: { code: row.code } as CommunityReference, value: row.value }));
  }
}
