import DataLoader from 'dataloader';
import { Arg, Ctx, Field, Float, Int, Mutation, ObjectType, Query, Resolver, FieldResolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { assertRegionCode, auditedWrite, authorize, badUserInput, chinaYear, codeWithinPrefix, graphqlError, significantPrefix, Weight } from '@shequ/kit';
import { governancePolicy } from '../access-policy';
import { Community } from '../community/community.entity';
import type { GovernanceContext } from '../loaders';
import { assertYear } from '../planning/plan.input';
import { Region } from '../region/region.entity';
import { AssessmentComponent } from './assessment.type';
import { AssessmentComponentName, Indicator } from './indicators';

@ObjectType({ description: "The outcome of one run: how many of the region's communities were assessed, and their mean score." })
export class AssessmentRun {
  @Field()
  regionCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  communitiesAssessed: number;

  @Field(() => Float, { nullable: true })
  averageScore: number | null;
}

@ObjectType({ description: "A community's place in a year's assessment snapshot." })
export class AssessmentRanking {
  @Field(() => Int)
  rank: number;

  @Field(() => Community)
  community: Community;

  @Field(() => Float, { nullable: true })
  score: number | null;

  @Field(() => [AssessmentComponent])
  components: AssessmentComponent[];

  @Field(() => [Indicator])
  targetsMissed: Indicator[];
}

@ObjectType({ description: "One year's snapshot of a region's communities." })
export class AssessmentYear {
  @Field(() => Int)
  year: number;

  @Field(() => Int)
  communitiesAssessed: number;

  @Field(() => Float, { nullable: true })
  averageScore: number | null;
}

interface LiveAssessment {
  code: string;
  assessment: { score: number | null; components: { name: AssessmentComponentName; score: number | null }[]; targetsMissed: { indicator: Indicator }[] } | null;
}

const PAGE = 100;
const LIVE_ASSESSMENTS = `query LiveAssessments($code: String!, $after: String) {
  region(code: $code) {
    communities(first: ${PAGE}, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { code assessment { score components { name score } targetsMissed { indicator } } } }
    }
  }
}`;

/**
 * Asks the composed graph — through the gateway, like any client, with a
 * short-lived service token — for the live assessment of every community in
 * the region, a page at a time.
 */
async function readLiveAssessments(context: GovernanceContext, regionCode: string): Promise<LiveAssessment[]> {
  const results: LiveAssessment[] = [];
  let after: string | null = null;
  for (;;) {
    const response = await fetch(context.graph.url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${context.graph.serviceToken(regionCode)}`, 'x-request-id': context.requestId },
      body: JSON.stringify({ query: LIVE_ASSESSMENTS, variables: { code: regionCode, after } }),
    });
    const body = (await response.json()) as { data?: { region: { communities: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: LiveAssessment }[] } } | null }; errors?: { message: string }[] };
    if (body.errors?.length || !body.data) {
      throw new Error(`the graph did not answer the assessment query: ${body.errors?.[0]?.message ?? response.status}`);
    }
    if (!body.data.region) {
      throw graphqlError('NOT_FOUND', `region ${regionCode} does not exist`);
    }
    const page = body.data.region.communities;
    results.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) {
      return results;
    }
    after = page.pageInfo.endCursor;
  }
}

export function createSnapshotLoaders(dataSource: DataSource) {
  return {
    assessmentHistoryByRegion: new DataLoader<string, AssessmentYear[]>(async (codes) => {
      const rows: { code: string; year: number; communities: number; average: string | null }[] = await dataSource.query(
        `SELECT scope.code, s.year, count(*)::int AS communities, round(avg(s.score), 1) AS average
         FROM unnest($1::text[], $2::text[]) AS scope(code, prefix)
         JOIN governance.assessment_snapshot s ON ${codeWithinPrefix('s.community_code', 'scope.prefix')}
         GROUP BY scope.code, s.year ORDER BY s.year`,
        [codes, codes.map(significantPrefix)],
      );
      return codes.map((code) =>
        rows.filter((row) => row.code === code).map((row) => ({ year: row.year, communitiesAssessed: row.communities, averageScore: row.average === null ? null : Number(row.average) })),
      );
    }),
  };
}

@Resolver()
export class AssessmentSnapshotResolver {
  @Mutation(() => AssessmentRun, {
    description: "Assesses every community of the region through the graph and stores the year's snapshot, replacing any earlier one for those communities atomically.",
  })
  async runAssessment(@Arg('regionCode') regionCode: string, @Arg('year', () => Int) year: number, @Ctx() context: GovernanceContext): Promise<AssessmentRun> {
    assertRegionCode(regionCode, 'regionCode');
    assertYear(year, 'year');
    if (year > chinaYear()) {
      throw badUserInput('year', 'cannot assess a year that has not begun');
    }
    authorize(governancePolicy, 'runAssessment', context.viewer, regionCode);
    const live = await readLiveAssessments(context, regionCode);
    return auditedWrite(context, { operation: 'runAssessment', targetType: 'AssessmentSnapshot' }, async (manager) => {
      await manager.query(`DELETE FROM governance.assessment_snapshot WHERE year = $1 AND ${codeWithinPrefix('community_code', '$2::text')}`, [year, significantPrefix(regionCode)]);
      if (live.length > 0) {
        await manager.query(
          `INSERT INTO governance.assessment_snapshot (year, community_code, score, components, targets_missed)
           SELECT $1, code, score, components, ARRAY(SELECT jsonb_array_elements_text(missed))
           FROM unnest($2::text[], $3::numeric[], $4::jsonb[], $5::jsonb[]) AS live(code, score, components, missed)`,
          [
            year,
            live.map((entry) => entry.code),
            live.map((entry) => entry.assessment?.score ?? null),
            live.map((entry) => JSON.stringify(entry.assessment?.components ?? [])),
            live.map((entry) => JSON.stringify(entry.assessment?.targetsMissed.map((target) => target.indicator) ?? [])),
          ],
        );
      }
      const scores = live.map((entry) => entry.assessment?.score).filter((score): score is number => typeof score === 'number');
      const averageScore = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null;
      return { result: { regionCode, year, communitiesAssessed: live.length, averageScore }, targetIds: [`${regionCode}:${year}`] };
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
    @Ctx() context: GovernanceContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
  ): Promise<AssessmentRanking[]> {
    assertRegionCode(regionCode, 'regionCode');
    assertYear(year, 'year');
    if (!Number.isInteger(first) || first < 1 || first > 100) {
      throw badUserInput('first', `must be between 1 and 100 (got ${first})`);
    }
    const rows: { community_code: string; score: string | null; components: { name: AssessmentComponentName; score: number | null }[]; targets_missed: Indicator[] }[] =
      await context.dataSource.query(
        `SELECT community_code, score, components, targets_missed FROM governance.assessment_snapshot
         WHERE year = $1 AND ${codeWithinPrefix('community_code', '$2::text')}
         ORDER BY score DESC NULLS LAST, community_code LIMIT $3`,
        [year, significantPrefix(regionCode), first],
      );
    const communities = await context.loaders.communityByCode.loadMany(rows.map((row) => row.community_code));
    return rows.map((row, index) => ({
      rank: index + 1,
      community: communities[index] as Community,
      score: row.score === null ? null : Number(row.score),
      components: row.components.map((component) => ({ ...component, missing: component.score === null })),
      targetsMissed: row.targets_missed,
    }));
  }
}

@Resolver(() => Region)
export class RegionAssessmentHistoryResolver {
  @FieldResolver(() => [AssessmentYear], { description: 'Every stored assessment year for the communities of this region, oldest first.' })
  assessmentHistory(@Root() region: Region, @Ctx() context: GovernanceContext): Promise<AssessmentYear[]> {
    return context.loaders.assessmentHistoryByRegion.load(region.code);
  }
}
