import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { assertRegionCode, chinaMidnight, DEFAULT_RANKING_SIZE, Granularity, periodLabel, readRankingFirst, readTrendWindow, significantPrefix, Weight } from '@shequ/kit';
import type { VolunteersContext } from '../loaders';
import { trendSql, VolunteerHoursTrendPoint } from './volunteer-hours-trend';
import { rankingSql, VolunteeringRanking, VolunteeringRankingMetric } from './volunteering-ranking';

@Resolver()
export class VolunteeringReportingResolver {
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

  @Query(() => [VolunteerHoursTrendPoint], { description: 'Volunteering in a region per period from `from` (inclusive) to `to` (exclusive), dates YYYY-MM-DD; empty periods are zeros.' })
  @Weight(20000)
  async volunteerHoursTrend(
    @Ctx() context: VolunteersContext,
    @Arg('regionCode') regionCode: string,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Arg('granularity', () => Granularity, { defaultValue: Granularity.MONTH }) granularity: Granularity,
  ): Promise<VolunteerHoursTrendPoint[]> {
    const window = readTrendWindow({ regionCode, from, to, granularity });
    const rows: (Omit<VolunteerHoursTrendPoint, 'period' | 'start'> & { start: string })[] = await context.dataSource.query(trendSql(window.granularity), [window.prefix, window.from, window.to]);
    return rows.map((row) => {
      const start = chinaMidnight(row.start);
      return { ...row, start, period: periodLabel(start, window.granularity) };
    });
  }
}
