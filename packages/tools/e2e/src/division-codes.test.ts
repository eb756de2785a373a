import { startGateway } from '@shequ/gateway';
import { testGatewaySettings } from '@shequ/gateway/testing';
import { graphqlRequest, testToken } from '@shequ/kit/testing';
import { startGraph, type Graph } from './graph-harness';

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(() => graph.stop());

const analyst = testToken({ sub: 'codes-analyst', roles: ['analyst'], jurisdiction: '620000' });
const safetyStaff = testToken({ sub: 'codes-safety', roles: ['department_staff'], department: 'public-safety', jurisdiction: '620000' });

/** The answer, and how many statements each subgraph ran for it. */
async function counted(query: string, options: { variables?: Record<string, unknown>; token?: string } = {}) {
  const before = Object.fromEntries(Object.entries(graph.subgraphs).map(([name, subgraph]) => [name, subgraph.statements.statements]));
  const response = await graphqlRequest(graph.gateway.url, query, options);
  const statements = Object.fromEntries(Object.entries(graph.subgraphs).map(([name, subgraph]) => [name, subgraph.statements.statements - before[name]]));
  return { ...response, statements };
}

const NONE = { governance: 0, 'service-delivery': 0, volunteers: 0, 'public-safety': 0, statistics: 0 };

describe('unknown codes through the whole graph', () => {
  it.each([
    ['a safety trend', `{ incidentTrend(regionCode: "629900", from: "2025-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { period incidents } }`, 'regionCode'],
    ['a service trend', `{ serviceRequestTrend(regionCode: "620199", from: "2025-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { period } }`, 'regionCode'],
    ['a volunteer trend', `{ volunteerHoursTrend(regionCode: "620102009", from: "2025-01", to: "2025-12") { period } }`, 'regionCode'],
    ['a service ranking', `{ rankCommunitiesByService(regionCode: "629900", metric: FACILITY_COUNT) { value } }`, 'regionCode'],
    ['a safety ranking', `{ rankCommunitiesBySafety(regionCode: "629900", metric: OPEN_HAZARDS) { value } }`, 'regionCode'],
    ['an entity reached from a known one', `{ region(code: "620100") { name } community(code: "620199999999") { safetyStats { incidentsLast12Months } } }`, 'code'],
  ])('%s is NOT_FOUND, and no subgraph runs a statement', async (_what, query, argument) => {
    const { status, data, errors, statements } = await counted(query, { token: analyst });
    expect(status).toBe(404);
    expect(data ?? null).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument });
    expect(statements).toEqual(NONE);
  });

  it('an unknown community in a mutation input is NOT_FOUND and changes nothing', async () => {
    const incidents = async () => (await graph.subgraphs['public-safety'].dataSource.query(`SELECT count(*)::int AS n FROM public_safety.safety_incident`))[0].n as number;
    const before = await incidents();
    const { status, errors, statements } = await counted('mutation ($i: ReportSafetyIncidentInput!) { reportIncident(input: $i) { id } }', {
      token: safetyStaff,
      variables: { i: { communityCode: '620102001999', category: 'THEFT', severity: 'LOW', occurredAt: new Date(Date.now() - 3_600_000).toISOString(), summary: '电动车被盗' } },
    });
    expect(status).toBe(404);
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.communityCode' });
    expect(errors?.[0].message).toContain('"620102001999"');
    expect(statements).toEqual(NONE);
    expect(await incidents()).toBe(before);
  });

  it('known codes answer as before, and the check asks governance nothing for them', async () => {
    const { data, errors, statements } = await counted(
      `{ rankCommunitiesByService(regionCode: "620102", metric: FACILITY_COUNT, first: 2) { value community { code } }
         incidentTrend(regionCode: "620100", from: "2025-01-01T00:00:00Z", to: "2025-03-01T00:00:00Z") { incidents } }`,
      { token: analyst },
    );
    expect(errors).toBeUndefined();
    expect(data.rankCommunitiesByService).toHaveLength(2);
    expect(data.incidentTrend.length).toBeGreaterThan(0);
    // Governance is not asked: the ranking's communities are references, and the registry answered from memory.
    expect(statements.governance).toBe(0);
    expect(statements['service-delivery']).toBeGreaterThan(0);
    expect(statements['public-safety']).toBeGreaterThan(0);
  });

  it('a community governance adds is found on the next request that names it', async () => {
    await graph.subgraphs.governance.dataSource.query(
      `INSERT INTO governance.community (code, name, street_code, population, households, tier, synthetic)
       VALUES ('620201001002', '新建社区', '620201001', 100, 40, 'STANDARD', true)`,
    );
    const query = `{ community(code: "620201001002") { name safetyStats { incidentsLast12Months } } }`;
    // The graph's gateway loaded its codes at start and asks again at most once a minute: the new code is not yet known there.
    const stale = await counted(query);
    expect(stale.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(stale.statements).toEqual(NONE);
    const urls = Object.fromEntries(Object.entries(graph.subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
    const eager = await startGateway(testGatewaySettings(urls, { codeRegistryRefreshMs: 0 }));
    try {
      await graph.subgraphs.governance.dataSource.query(
        `INSERT INTO governance.community (code, name, street_code, population, households, tier, synthetic)
         VALUES ('620201001003', '又一新社区', '620201001', 100, 40, 'STANDARD', true)`,
      );
      const { data, errors } = await graphqlRequest(eager.url, query.replace('620201001002', '620201001003'));
      expect(errors).toBeUndefined();
      expect(data.community).toEqual({ name: '又一新社区', safetyStats: { incidentsLast12Months: 0 } });
    } finally {
      await eager.stop();
    }
  });
});
