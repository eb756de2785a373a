import { chinaYear } from '@shequ/kit';
import { figureMonths, figurePage, graphqlRequest, type GraphqlResponse, startTestSubgraph, testToken, valuesByCommunity, wholeFeed, type TestSubgraph } from '@shequ/kit/testing';
import { INDICATORS } from '../assessment/indicators';
import { governanceSubgraph } from '../subgraph';
import { insertGovernanceFixture } from '../testing/fixture';

let subgraph: TestSubgraph;
const analyst = testToken();
const year = chinaYear();

beforeAll(async () => {
  subgraph = await startTestSubgraph(governanceSubgraph);
  await insertGovernanceFixture(subgraph.dataSource);
  await subgraph.dataSource.query(`
    INSERT INTO governance.community_capacity (community_code, office_space_m2, activity_space_m2, network_access, staff, professional_social_workers, council_meetings_per_year)
    VALUES ('620102001001', 120.5, 200, true, 8, 2, 6)`);
  // Counted: this and last China year, not cancelled; the budget of this year's only
  await subgraph.dataSource.query(
    `INSERT INTO governance.practical_project (community_code, year, title, budget, funding_source, status) VALUES
      ('620102001001', $1, '加装电梯', 100000, '财政', 'COMPLETED'),
      ('620102001001', $1, '老旧小区改造', 50000, '财政', 'IN_PROGRESS'),
      ('620102001001', $1, '取消项目', 99999, '财政', 'CANCELLED'),
      ('620102001001', $1 - 1, '去年项目', 30000, '财政', 'COMPLETED'),
      ('620102001001', $1 - 2, '前年项目', 1000, '财政', 'COMPLETED'),
      ('620103001001', $1 - 1, '去年计划', 20000, '财政', 'PLANNED')`,
    [year],
  );
});

afterAll(() => subgraph.stop());

const nothingRecorded = { office_space_m2: null, staff: null, professional_social_workers: null, council_meetings_per_year: null, practical_projects: 0, practical_projects_completed: 0, practical_project_budget_this_year: 0 };

describe('governanceFigures', () => {
  it('gives the stocks of every community as computed by hand', async () => {
    const stocks = await wholeFeed(subgraph.url, 'governance', undefined, analyst);
    expect(stocks.measures).toEqual(['population', 'households', 'office_space_m2', 'staff', 'professional_social_workers', 'council_meetings_per_year', 'practical_projects', 'practical_projects_completed', 'practical_project_budget_this_year']);
    expect(valuesByCommunity(stocks)).toEqual({
      // office 120.5 + activity 200 m²; three projects counted, two completed; 100,000 + 50,000 budgeted this year
      '620102001001': { population: 5000, households: 1700, office_space_m2: 320.5, staff: 8, professional_social_workers: 2, council_meetings_per_year: 6, practical_projects: 3, practical_projects_completed: 2, practical_project_budget_this_year: 150000 },
      '620102001002': { population: 4000, households: 1400, ...nothingRecorded },
      '620102001003': { population: 3000, households: 1100, ...nothingRecorded },
      '620102002001': { population: 6000, households: 2100, ...nothingRecorded },
      '620102002002': { population: 2000, households: 700, ...nothingRecorded },
      '620103001001': { population: 8000, households: 2800, ...nothingRecorded, practical_projects: 1 },
      '620201001001': { population: 3000, households: 1000, ...nothingRecorded },
    });
    expect(stocks.samples).toEqual([]);
    expect(stocks.members).toEqual([]);
  });

  it('has no monthly flows', async () => {
    expect(await figureMonths(subgraph.url, 'governance', analyst)).toEqual([]);
    const month = await figurePage(subgraph.url, 'governance', { month: '2026-10' }, analyst);
    expect(month.data?.page).toEqual({ measures: [], rows: [], samples: [], members: [], nextCursor: null });
  });

  it('pages by community code in one statement, for analysts and admins within their jurisdiction', async () => {
    const paged = await wholeFeed(subgraph.url, 'governance', undefined, analyst, 2);
    expect(paged.pages).toBe(4);
    expect(paged.rows).toEqual((await wholeFeed(subgraph.url, 'governance', undefined, analyst)).rows);
    const before = subgraph.statements.statements;
    await figurePage(subgraph.url, 'governance', { first: 1 }, analyst);
    await figurePage(subgraph.url, 'governance', { first: 100 }, analyst);
    expect(subgraph.statements.statements - before).toBe(2);
    expect((await figurePage(subgraph.url, 'governance', {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await figurePage(subgraph.url, 'governance', {}, testToken({ roles: ['community_worker'], jurisdiction: '620102001001' }))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const street = await wholeFeed(subgraph.url, 'governance', undefined, testToken({ roles: ['analyst'], jurisdiction: '620102001' }));
    expect(street.rows.map((row) => row.communityCode)).toEqual(['620102001001', '620102001002', '620102001003']);
    expect((await figurePage(subgraph.url, 'governance', { month: '26-10' }, analyst)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'month' });
  });
});

const DIRECTORY = `query ($after: String, $first: Int) { governanceDirectory(after: $after, first: $first) { entries { code name level parentCode tier } nextCursor } }`;

describe('governanceDirectory', () => {
  async function wholeDirectory(token: string, first: number) {
    const entries: { code: string; level: string; parentCode: string | null; tier: string | null }[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response: GraphqlResponse = await graphqlRequest(subgraph.url, DIRECTORY, { variables: { after, first }, token });
      expect(response.errors).toBeUndefined();
      const directory = (response.data as { governanceDirectory: { entries: typeof entries; nextCursor: string | null } }).governanceDirectory;
      entries.push(...directory.entries);
      after = directory.nextCursor;
      pages += 1;
    } while (after);
    return { entries, pages };
  }

  it('lists every region and community once, in code order, with levels, parents and tiers', async () => {
    const { entries, pages } = await wholeDirectory(analyst, 3);
    expect(pages).toBe(6);
    expect(entries).toHaveLength(17);
    expect(entries.map((entry) => entry.code)).toEqual([...entries.map((entry) => entry.code)].sort());
    expect(entries.slice(0, 6)).toEqual([
      { code: '620000', name: '甘肃省', level: 'PROVINCE', parentCode: null, tier: null },
      { code: '620100', name: '兰州市', level: 'PREFECTURE', parentCode: '620000', tier: null },
      { code: '620102', name: '城关区', level: 'COUNTY', parentCode: '620100', tier: null },
      { code: '620102001', name: '东岗街道', level: 'STREET', parentCode: '620102', tier: null },
      { code: '620102001001', name: '幸福社区', level: 'COMMUNITY', parentCode: '620102001', tier: 'ADVANCED' },
      { code: '620102001002', name: '和平社区', level: 'COMMUNITY', parentCode: '620102001', tier: 'STANDARD' },
    ]);
    expect((await wholeDirectory(analyst, 5000)).entries).toEqual(entries);
  });

  it('is for analysts and admins, within their jurisdiction, and refuses bad arguments', async () => {
    const jiayuguan = await wholeDirectory(testToken({ roles: ['analyst'], jurisdiction: '620200' }), 100);
    expect(jiayuguan.entries.map((entry) => entry.code)).toEqual(['620200', '620201', '620201001', '620201001001']);
    expect((await graphqlRequest(subgraph.url, DIRECTORY)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await graphqlRequest(subgraph.url, DIRECTORY, { token: testToken({ roles: ['resident'], jurisdiction: '620102001001' }) })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const [variables, argument] of [[{ after: 'x' }, 'after'], [{ first: 0 }, 'first'], [{ first: 10001 }, 'first']] as const) {
      expect((await graphqlRequest(subgraph.url, DIRECTORY, { variables, token: analyst })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });
});

describe('assessmentMethod', () => {
  it('is public and gives every assessed indicator with the tier targets in force', async () => {
    await subgraph.dataSource.query(`UPDATE governance.tier_target SET target = 0.7 WHERE tier = 'STANDARD' AND indicator = 'WELFARE_FACILITIES_PER_1000'`);
    const response = await graphqlRequest(subgraph.url, '{ assessmentMethod { indicator component comparison unit targets { tier target } } }');
    expect(response.errors).toBeUndefined();
    const method = response.data.assessmentMethod;
    expect(method.map((template: { indicator: string }) => template.indicator)).toEqual(Object.keys(INDICATORS));
    expect(method[0]).toEqual({
      indicator: 'WELFARE_FACILITIES_PER_1000',
      component: 'SERVICE_COVERAGE',
      comparison: 'AT_LEAST',
      unit: 'facilities per 1,000 residents',
      targets: [{ tier: 'ADVANCED', target: 1 }, { tier: 'STANDARD', target: 0.7 }, { tier: 'FOUNDATIONAL', target: 0.3 }],
    });
    expect(method.find((template: { indicator: string }) => template.indicator === 'INCIDENTS_PER_1000')).toMatchObject({ comparison: 'AT_MOST', targets: [{ target: 2 }, { target: 4 }, { target: 6 }] });
  });
});
