import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { useClock } from '@shequ/kit';
import { runRefresh } from '../refresh/refresh';
import { createStatisticsSubgraph } from '../subgraph';
import { FixtureFeed } from './fixture-feed';

/** 15 November 2026, noon in China: the current China month is 2026-11. */
export const NOW = new Date('2026-11-15T04:00:00Z');

export const analyst = testToken({ sub: 'analyst', roles: ['analyst'], jurisdiction: '620000' });
export const admin = testToken({ sub: 'admin', roles: ['admin'], jurisdiction: '620000' });

export interface StatisticsTestGraph {
  subgraph: TestSubgraph;
  feed: FixtureFeed;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ask(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<{ data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
}

/** The statistics subgraph on its own database, its store refreshed once from the fixture feed. */
export async function startStatisticsTestGraph(options: { refresh?: boolean } = {}): Promise<StatisticsTestGraph> {
  useClock(NOW);
  const feed = new FixtureFeed();
  const subgraph = await startTestSubgraph(createStatisticsSubgraph(() => feed));
  if (options.refresh ?? true) {
    await runRefresh(subgraph.dataSource, feed, { full: false });
  }
  return {
    subgraph,
    feed,
    ask: (query, variables, token = analyst) => graphqlRequest(subgraph.url, query, { variables, token: token ?? undefined }),
  };
}

export const TABLE = `query ($input: IndicatorTableInput!, $first: Int, $after: String) {
  indicatorTable(input: $input, first: $first, after: $after) {
    columns { id restricted }
    period { kind label first last }
    previousPeriod { label }
    samePeriodLastYear { label }
    asOf totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { rank code name level tier region { code } community { code }
      values { indicator value previousPeriod changeFromPreviousPeriod samePeriodLastYear changeFromSamePeriodLastYear } } }
  }
}`;

/** Rows of a table answer as { code: [values in column order] }. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function valuesByCode(table: any): Record<string, (number | null)[]> {
  return Object.fromEntries(table.edges.map((edge: { node: { code: string; values: { value: number | null }[] } }) => [edge.node.code, edge.node.values.map((value) => value.value)]));
}
