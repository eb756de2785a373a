import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertRegionCode, assertYear, auditedWrite, authorize, chinaYear, codeWithinPrefix, DEFAULT_RANKING_SIZE, graphqlError, readRankingFirst, significantPrefix, Weight } from '@shequ/kit';
import { statisticsPolicy } from '../access-policy';
import type { StatisticsContext } from '../context';
import { RegionReference } from '../community/community.reference';
import { assertKnownRegions, readStoreContext } from '../table/store-context';
import { AssessmentRanking, AssessmentRun, AssessmentYear } from './assessment-snapshot.types';
import { insertSnapshotSql } from './assessment-snapshot.sql';


@Resolver()
export class AssessmentSnapshotResolver {
  @Mutation(() => AssessmentRun, {
    description:
      "Stores the year's assessment snapshot of every community of the region, computed by the statistics store from the year's figures with governance's method, replacing any earlier one for those communities atomically (governance staff, admins). The figures are the store's as of its last refresh.",
  })
  async runAssessment(@Arg('regionCode') regionCode: string, @Arg('year', () => Int) year: number, @Ctx() context: StatisticsContext): Promise<AssessmentRun> {
    assertRegionCode(regionCode, 'regionCode');
    // A year that has not begun in China has no figures to assess.
    assertYear(year, 'year', chinaYear());
    authorize(statisticsPolicy, 'runAssessment', context.viewer, regionCode);
    const store = await readStoreContext(context.dataSource, [regionCode]);
    if (!store.asOf) {
      throw graphqlError('CONFLICT', 'the statistics store has not been refreshed yet, so it holds no figures to assess: an admin runs refreshStatistics first');
    }
    assertKnownRegions(store, [regionCode], 'regionCode');
    return auditedWrite(context, { operation: 'runAssessment', targetType: 'AssessmentSnapshot' }, async (manager) => {
      await manager.query(`DELETE FROM statistics.assessment_snapshot WHERE year = $1 AND ${codeWithinPrefix('community_code', '$2::text')}`, [year, significantPrefix(regionCode)]);
      const { sql, parameters } = insertSnapshotSql(regionCode, year);
      const written: { score: number | null }[] = await manager.query(sql, parameters);
      const scores = written.map((row) => row.score).filter((score): score is number => score !== null);
      const averageScore = scores.length ? Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 10) / 10 : null;
      return { result: { regionCode, year, communitiesAssessed: written.length, averageScore }, targetIds: [`${regionCode}:${year}`] };
    });
  }

  @Query(() => [AssessmentRanking], {
    description:
      "A region's communities ranked by a year's stored assessment snapshot (taken by runAssessment), best first. The current period's ranking waits for no run: indicatorTable(input: { level: COMMUNITY, within: [regionCode], indicators: [ASSESSMENT_SCORE], sort: { indicator: ASSESSMENT_SCORE } }) ranks from the statistics store.",
  })
  @Weight(500)
  async rankCommunitiesByAssessment(
    @Arg('regionCode') regionCode: string,
    @Arg('year', () => Int) year: number,
    @Ctx() context: StatisticsContext,
    @Arg('first', () => Int, { defaultValue: DEFAULT_RANKING_SIZE }) first: number,
  ): Promise<AssessmentRanking[]> {
    assertRegionCode(regionCode, 'regionCode');
    assertYear(year, 'year');
    readRankingFirst(first);
    const rows: { community_code: string; score: number | null; components: { name: string; score: number | null }[]; targets_missed: string[] }[] = await context.dataSource.query(
      `SELECT community_code, score, components, targets_missed FROM statistics.assessment_snapshot
       WHERE year = $1 AND ${codeWithinPrefix('community_code', '$2::text')}
       ORDER BY score DESC NULLS LAST, community_code LIMIT $3`,
      [year, significantPrefix(regionCode), first],
    );
    return rows.map((row, index) => ({
      rank: index + 1,
      community: { code: row.community_code },
      score: row.score,
      components: row.components.map((component) => ({ ...component, missing: component.score === null })),
      targetsMissed: row.targets_missed,
    }));
  }
}

@Resolver(() => RegionReference)
export class RegionAssessmentHistoryResolver {
  @FieldResolver(() => [AssessmentYear], { nullable: true, description: 'Every stored assessment year for the communities of this region, oldest first.' })
  assessmentHistory(@Root() region: RegionReference, @Ctx() context: StatisticsContext): Promise<AssessmentYear[]> {
    return context.loaders.assessment.history.load(region.code);
  }
}
