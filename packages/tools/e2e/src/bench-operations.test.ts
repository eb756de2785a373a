import { operations } from '@shequ/bench';
import { graphqlRequest, testToken } from '@shequ/kit/testing';
import { startGraph, type Graph } from './graph-harness';

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph({ extraCommunities: 500 });
});
afterAll(() => graph.stop());

const token = testToken({ sub: 'bench', roles: ['analyst', 'resident'], jurisdiction: '620000' });

describe("the benchmark's operations", () => {
  it.each(operations('620100', '620102001001', 'e2e').map((operation) => [operation.name, operation] as const))('%s answers with data and no errors', async (_name, operation) => {
    const { data, errors } = await graphqlRequest(graph.gateway.url, operation.query, { variables: operation.variables(1), token });
    expect(errors).toBeUndefined();
    expect(Object.values(data as object).every((value) => value !== null)).toBe(true);
  });

  it('costs the same number of SQL statements for a region of 5 communities and one of 500', async () => {
    const dashboard = operations('620100', '620102001001', 'e2e').find((operation) => operation.name === 'dashboard');
    const statementsFor = async (code: string, first: number) => {
      const before = graph.statements();
      const { data, errors } = await graphqlRequest(graph.gateway.url, dashboard?.query ?? '', { variables: { code, first }, token });
      expect(errors).toBeUndefined();
      return { communities: data.region.communities.totalCount, shown: data.region.communities.edges.length, statements: graph.statements() - before };
    };
    // The large region shows a full page (100, the most a page holds) of its 501 communities.
    const small = await statementsFor('620102', 5);
    const large = await statementsFor('620201', 100);
    expect(small.communities).toBe(5);
    expect(small.shown).toBe(5);
    expect(large.communities).toBeGreaterThanOrEqual(500);
    expect(large.shown).toBe(100);
    expect(large.statements).toBe(small.statements);
  });
});
