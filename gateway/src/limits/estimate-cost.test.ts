import { buildSchema, parse } from 'graphql';
import { estimateCost, HEAVY_FIELD_WEIGHT } from './estimate-cost';
import { readFieldWeights } from './field-weights';

const SDL = `
  directive @cost(weight: Int!) on FIELD_DEFINITION
  directive @listSize(assumedSize: Int) on FIELD_DEFINITION
  type Query {
    region(code: String!): Region
    regions(parentCode: String, level: RegionLevel): [Region!]!
    ranking(regionCode: String!, first: Int! = 20): [Community!]! @cost(weight: 60000)
    trend(regionCode: String!, from: String!, to: String!): [Int!]! @cost(weight: 12000) @listSize(assumedSize: 24)
  }
  enum RegionLevel { PROVINCE PREFECTURE COUNTY STREET }
  type Region {
    code: String
    children: [Region!]!
    stats: Stats @cost(weight: 30000)
    communities(first: Int! = 20): CommunityConnection!
  }
  type Stats { rate: Float }
  type CommunityConnection { edges: [CommunityEdge!]!, totalCount: Int }
  type CommunityEdge { node: Community! }
  type Community { code: String, name: String, stats: Stats @cost(weight: 30000), requests(first: Int! = 20): CommunityConnection! }`;
const schema = buildSchema(SDL);
const model = { schema, weights: readFieldWeights(SDL), maxPageSize: 100 };

const cost = (query: string, variables?: Record<string, unknown>) => {
  const document = parse(query);
  const operation = document.definitions[0];
  if (operation.kind !== 'OperationDefinition') {
    throw new Error('no operation');
  }
  return estimateCost(model, document, operation, variables);
};

describe('estimateCost: page sizes as GraphQL coerces them', () => {
  it('multiplies what lies below a field by its first, counting a connection edges list once', () => {
    // region 1 + communities (1 + 50 × (edges 1 + node 1 + code 1 + name 1)) = 1 + 1 + 200
    expect(cost(`{ region(code: "620100") { communities(first: 50) { edges { node { code name } } } } }`)).toMatchObject({ cost: 202, largestPage: 50 });
  });

  it('reads first from a variable, from a variable default the request does not send, and from the schema default', () => {
    const given = cost(`query ($n: Int!) { region(code: "620100") { communities(first: $n) { totalCount } } }`, { n: 7 });
    expect(given).toMatchObject({ cost: 9, largestPage: 7 });
    const variableDefault = cost(`query ($n: Int! = 100) { region(code: "620100") { communities(first: $n) { totalCount } } }`);
    expect(variableDefault).toMatchObject({ cost: 102, largestPage: 100 });
    const schemaDefault = cost(`{ region(code: "620100") { communities { totalCount } } }`);
    expect(schemaDefault).toMatchObject({ cost: 22, largestPage: 20 });
  });

  it('reports a page size over the limit when it comes from a variable default', () => {
    expect(cost(`query ($n: Int! = 1000) { region(code: "620100") { communities(first: $n) { totalCount } } }`).largestPage).toBe(1000);
  });

  it('counts a page size it cannot know as the maximum', () => {
    // A variable of the wrong type: the request fails later, but the estimate must not count it as 1.
    expect(cost(`query ($n: Int!) { region(code: "620100") { communities(first: $n) { totalCount } } }`, { n: 'many' })).toMatchObject({ largestPage: 100, cost: 102 });
  });

  it('prices the nested bypass the way the literal query is priced', () => {
    const shape = (n: string, m: string) =>
      `{ region(code: "620000") { communities(first: ${n}) { edges { node { requests(first: ${m}) { edges { node { code } } } } } } } }`;
    const literal = cost(shape('100', '100'));
    const viaDefaults = cost(`query ($n: Int! = 100, $m: Int! = 100) ${shape('$n', '$m')}`);
    expect(viaDefaults.cost).toBe(literal.cost);
    expect(literal.cost).toBeGreaterThan(10_000);
  });
});

describe('estimateCost: declared weights scaled by scope and span', () => {
  it('weighs a region roll-up by its level', () => {
    const province = cost(`{ region(code: "620000") { stats { rate } } }`).cost;
    const prefecture = cost(`{ region(code: "620100") { stats { rate } } }`).cost;
    const county = cost(`{ region(code: "620102") { stats { rate } } }`).cost;
    expect(province).toBeGreaterThan(prefecture);
    expect(prefecture).toBeGreaterThan(county);
    expect(province).toBe(1 + 30_000 + 1);
  });

  it("weighs each of a region's children one level below it, and a community's figures as one community", () => {
    // The province's 14 prefectures, each 30000 / 14 rounded up.
    expect(cost(`{ region(code: "620000") { children { stats { rate } } } }`).cost).toBe(1 + 1 + 14 * (Math.ceil(30_000 / 14) + 1));
    expect(cost(`{ region(code: "620100") { communities(first: 10) { edges { node { stats { rate } } } } } }`).cost).toBe(1 + 1 + 10 * (1 + 1 + 2 + 1));
  });

  it('counts a list of regions as the regions its scope holds', () => {
    expect(cost(`{ regions(parentCode: "620000") { code } }`).cost).toBe(1 + 14);
    expect(cost(`{ regions(level: STREET) { code } }`).cost).toBe(1 + 1_500);
    expect(cost(`{ regions { code } }`).cost).toBe(1 + 1 + 14 + 100 + 1_500);
    expect(cost(`{ regions(parentCode: "620100", level: STREET) { code } }`).cost).toBe(1 + Math.ceil(1_500 / 14));
    expect(cost(`{ region(code: "620100") { children { children { code } } } }`).cost).toBe(1 + 1 + 8 * (1 + 15));
  });

  it('weighs a ranking by the region it ranks within', () => {
    expect(cost(`{ ranking(regionCode: "620000") { code } }`).cost).toBe(60_000 + 20);
    expect(cost(`{ ranking(regionCode: "620100", first: 5) { code } }`).cost).toBe(Math.ceil(60_000 / 14) + 5);
  });

  it('weighs a trend by its span', () => {
    const year = cost(`{ trend(regionCode: "620000", from: "2025-01", to: "2026-01") }`).cost;
    const twentyYears = cost(`{ trend(regionCode: "620000", from: "2006-01", to: "2026-01") }`).cost;
    expect(twentyYears).toBeGreaterThan(19 * year);
  });

  it('treats a scope or span it cannot read as the widest', () => {
    expect(cost(`{ ranking(regionCode: "") { code } }`).cost).toBe(60_000 + 20);
    const unreadable = cost(`{ trend(regionCode: "620000", from: "soon", to: "later") }`).cost;
    expect(unreadable).toBeGreaterThan(cost(`{ trend(regionCode: "620000", from: "2006-01", to: "2026-01") }`).cost);
  });

  it('counts how often a heavy field is selected, aliases and fragments included', () => {
    const query = `{ a: ranking(regionCode: "620000") { code } b: ranking(regionCode: "620000") { code } ...F ...F }
      fragment F on Query { ranking(regionCode: "620000") { code } }`;
    expect(cost(query).heaviest).toEqual({ field: 'Query.ranking', selections: 4 });
    // A ranking within a street is not heavy.
    expect(Math.ceil(60_000 / 1_500)).toBeLessThan(HEAVY_FIELD_WEIGHT);
    expect(cost(`{ a: ranking(regionCode: "620102001") { code } b: ranking(regionCode: "620102001") { code } }`).heaviest).toBeNull();
  });
});
