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

describe('region lookups', () => {
  it('finds a prefecture with its parent and children in code order', async () => {
    const { data, errors } = await query(`{ region(code: "620100") { code name level population parent { code level } children { code level } } }`);
    expect(errors).toBeUndefined();
    expect(data.region).toEqual({
      code: '620100',
      name: '兰州市',
      level: 'PREFECTURE',
      population: 4359000,
      parent: { code: '620000', level: 'PROVINCE' },
      children: [
        { code: '620102', level: 'COUNTY' },
        { code: '620103', level: 'COUNTY' },
      ],
    });
  });

  it('gives the province no parent and a street no children', async () => {
    const { data } = await query(`{ province: region(code: "620000") { parent { code } } street: region(code: "620102001") { level children { code } } }`);
    expect(data.province.parent).toBeNull();
    expect(data.street).toEqual({ level: 'STREET', children: [] });
  });

  it('answers null for a well-formed code that no region has', async () => {
    const { data, errors } = await query(`{ region(code: "620999") { code } }`);
    expect(errors).toBeUndefined();
    expect(data.region).toBeNull();
  });

  it.each(['62A100', '6201', '6201000', '620102001001', ''])('rejects the malformed code "%s" with BAD_USER_INPUT naming the format', async (code) => {
    const { data, errors } = await query(`query ($code: String!) { region(code: $code) { code } }`, { code });
    expect(data?.region ?? null).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toMatch(/code: .*expected 6 digits .* or 9 digits/);
  });
});

describe('regions(level, parentCode)', () => {
  it('lists one level', async () => {
    const { data } = await query(`{ regions(level: PREFECTURE) { code } }`);
    expect(data.regions.map((r: { code: string }) => r.code)).toEqual(['620100', '620200']);
  });

  it('lists the children of a parent, optionally of one level', async () => {
    const { data } = await query(`{ all: regions(parentCode: "620102") { code } streets: regions(parentCode: "620100", level: STREET) { code } }`);
    expect(data.all.map((r: { code: string }) => r.code)).toEqual(['620102001', '620102002']);
    expect(data.streets).toEqual([]);
  });

  it('rejects a malformed parentCode', async () => {
    const { errors } = await query(`{ regions(parentCode: "abc") { code } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'parentCode' });
  });
});

describe('Region.communityCount', () => {
  it('counts the communities within each region in one statement', async () => {
    const before = subgraph.statements.statements;
    const { data } = await query(`{ regions { code communityCount } }`);
    const counts = Object.fromEntries(data.regions.map((r: { code: string; communityCount: number }) => [r.code, r.communityCount]));
    expect(counts).toMatchObject({ '620000': 7, '620100': 6, '620200': 1, '620102': 5, '620102002': 2, '620103001': 1 });
    expect(subgraph.statements.statements - before).toBe(2);
  });
});

describe('Region.communities', () => {
  it('holds every community whose code starts with the region significant prefix', async () => {
    const { data } = await query(`{
      province: region(code: "620000") { communities(first: 0) { totalCount } }
      lanzhou: region(code: "620100") { communities(first: 100) { totalCount edges { node { code } } } }
      street: region(code: "620102002") { communities { totalCount edges { node { code } } } }
    }`);
    expect(data.province.communities.totalCount).toBe(7);
    expect(data.lanzhou.communities.totalCount).toBe(6);
    expect(data.lanzhou.communities.edges.every((e: { node: { code: string } }) => e.node.code.startsWith('6201'))).toBe(true);
    expect(data.street.communities.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(['620102002001', '620102002002']);
  });

  it('pages each child region separately in one SQL statement, whatever the number of children', async () => {
    const before = subgraph.statements.statements;
    const { data } = await query(`{ region(code: "620000") { children { code children { code communities(first: 1) { totalCount edges { node { code } } } } } } }`);
    const counties = data.region.children.flatMap((prefecture: { children: unknown[] }) => prefecture.children);
    expect(counties).toEqual([
      { code: '620102', communities: { totalCount: 5, edges: [{ node: { code: '620102001001' } }] } },
      { code: '620103', communities: { totalCount: 1, edges: [{ node: { code: '620103001001' } }] } },
      { code: '620201', communities: { totalCount: 1, edges: [{ node: { code: '620201001001' } }] } },
    ]);
    // region, its children, their children, one page query for all three counties
    expect(subgraph.statements.statements - before).toBe(4);
  });
});
