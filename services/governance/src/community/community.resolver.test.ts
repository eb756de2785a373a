import { graphqlRequest, startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { governanceSubgraph } from '../subgraph';
import { insertGovernanceFixture } from '../testing/fixture';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(governanceSubgraph);
  await insertGovernanceFixture(subgraph.dataSource);
});

afterAll(() => subgraph.stop());

const query = (text: string, variables?: Record<string, unknown>) => graphqlRequest(subgraph.url, text, { variables });
const codes = (connection: { edges: { node: { code: string } }[] }) => connection.edges.map((edge) => edge.node.code);

describe('community(code)', () => {
  it('finds a community and its street', async () => {
    const { data } = await query(`{ community(code: "620102001002") { code name population households tier synthetic region { code level parent { code } } } }`);
    expect(data.community).toEqual({
      code: '620102001002',
      name: '和平社区',
      population: 4000,
      households: 1400,
      tier: 'STANDARD',
      synthetic: true,
      region: { code: '620102001', level: 'STREET', parent: { code: '620102' } },
    });
  });

  it('answers null for an unknown well-formed code and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = await query(`{ community(code: "620102009009") { code } }`);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.community).toBeNull();
    const malformed = await query(`{ community(code: "62010200100X") { code } }`);
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0].message).toContain('expected 12 digits');
  });
});

describe('communities(filter, first, after)', () => {
  it('filters by region, tier and name, alone and together', async () => {
    const { data } = await query(`{
      county: communities(filter: { regionCode: "620102" }) { totalCount edges { node { code } } }
      advanced: communities(filter: { tier: ADVANCED }) { totalCount edges { node { code } } }
      named: communities(filter: { nameContains: "幸福" }) { totalCount edges { node { code } } }
      combined: communities(filter: { regionCode: "620100", tier: STANDARD, nameContains: "社区" }) { totalCount edges { node { code } } }
      none: communities(filter: { regionCode: "620200", tier: ADVANCED }) { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } }
    }`);
    expect(codes(data.county)).toEqual(['620102001001', '620102001002', '620102001003', '620102002001', '620102002002']);
    expect(data.county.totalCount).toBe(5);
    expect(codes(data.advanced)).toEqual(['620102001001', '620102002001']);
    expect(codes(data.named)).toEqual(['620102001001', '620102001003']);
    expect(codes(data.combined)).toEqual(['620102001002', '620102002002', '620103001001']);
    expect(data.none).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it.each([
    ['CODE', ['620102001001', '620102001002', '620102001003', '620102002001', '620102002002', '620103001001', '620201001001']],
    ['POPULATION_DESC', ['620103001001', '620102002001', '620102001001', '620102001002', '620201001001', '620102001003', '620102002002']],
  ])('walks every page in %s order with cursors, each item once, totalCount on every page', async (sort, expected) => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const response = await query(
        `query ($after: String, $sort: CommunitySort) { communities(first: 3, after: $after, sort: $sort) { totalCount edges { node { code } cursor } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
        { after, sort },
      );
      const page = response.data.communities;
      expect(page.totalCount).toBe(7);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...codes(page));
      pages += 1;
      if (!page.pageInfo.hasNextPage) {
        break;
      }
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(expected);
  });

  it('keeps the total on a page past the end', async () => {
    const last = await query(`{ communities(first: 7) { pageInfo { endCursor } } }`);
    const past = await query(`query ($after: String) { communities(first: 5, after: $after) { totalCount edges { node { code } } pageInfo { hasNextPage } } }`, {
      after: last.data.communities.pageInfo.endCursor,
    });
    expect(past.data.communities).toEqual({ totalCount: 7, edges: [], pageInfo: { hasNextPage: false } });
  });

  it.each([
    ['first: 101', 'first', 'between 0 and 100'],
    ['first: -1', 'first', 'between 0 and 100'],
    ['after: "not-a-cursor"', 'after', 'not a cursor'],
    ['filter: { regionCode: "62-100" }', 'filter.regionCode', 'not a region code'],
  ])('rejects %s with BAD_USER_INPUT naming %s', async (argument, name, message) => {
    const { data, errors } = await query(`{ communities(${argument}) { totalCount } }`);
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: name });
    expect(errors?.[0].message).toContain(message);
  });
});
