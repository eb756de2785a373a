import { readFileSync } from 'node:fs';
import { buildASTSchema, parse } from 'graphql';
import { createLogger } from '@shequ/kit';
import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { governanceSubgraph } from '@shequ/governance';
import { insertGovernanceFixture } from '@shequ/governance/testing';
import { SUPERGRAPH_PATH } from '@shequ/schema';
import { startGateway, type RunningGateway } from '../gateway';
import { testGatewaySettings } from '../testing/test-settings';
import { codeCoordinates } from './code-arguments';
import { CodeRegistry } from './code-registry';

let governance: TestSubgraph;
/** Asks governance again on every miss. */
let gateway: RunningGateway;
/** Asks governance again at most once an hour. */
let patientGateway: RunningGateway;

const settings = (codeRegistryRefreshMs: number) => testGatewaySettings({ governance: governance.url }, { subgraphTimeoutMs: 5000, codeRegistryRefreshMs });

beforeAll(async () => {
  governance = await startTestSubgraph(governanceSubgraph);
  await insertGovernanceFixture(governance.dataSource);
  gateway = await startGateway(settings(0));
  patientGateway = await startGateway(settings(3_600_000));
});

afterAll(async () => {
  await patientGateway.stop();
  await gateway.stop();
  await governance.stop();
});

/** The request, and how many statements governance ran for it (none when refused before planning). */
async function counted(url: string, query: string, options: { variables?: Record<string, unknown>; token?: string } = {}) {
  const before = governance.statements.statements;
  const response = await graphqlRequest(url, query, options);
  return { ...response, statements: governance.statements.statements - before };
}

describe('the arguments that hold division codes', () => {
  it('are found in the committed supergraph by name and type', () => {
    const schema = buildASTSchema(parse(readFileSync(SUPERGRAPH_PATH, 'utf8')), { assumeValidSDL: true });
    expect(codeCoordinates(schema)).toEqual([
      'AssignPoliceLiaisonInput.communityCode',
      'CommunityFilter.regionCode',
      'CreateVolunteerActivityInput.communityCode',
      'CreateVolunteerTeamInput.communityCode',
      'DemonstrationUnitFilter.regionCode',
      'DesignateDemonstrationUnitInput.code',
      'DraftPlanInput.regionCode',
      'IndicatorTableInput.within',
      'Mutation.runAssessment(regionCode)',
      'OpenMediationCaseInput.communityCode',
      'OrganizationFilter.regionCode',
      'PracticalProjectFilter.regionCode',
      'Query.community(code)',
      'Query.incidentTrend(regionCode)',
      'Query.indicatorTrend(regionCodes)',
      'Query.plans(regionCode)',
      'Query.rankCommunitiesByAssessment(regionCode)',
      'Query.rankCommunitiesBySafety(regionCode)',
      'Query.rankCommunitiesByService(regionCode)',
      'Query.rankCommunitiesByVolunteering(regionCode)',
      'Query.region(code)',
      'Query.regions(parentCode)',
      'Query.serviceRequestTrend(regionCode)',
      'Query.supervisedPersons(communityCode)',
      'Query.volunteerHoursTrend(regionCode)',
      'RecordInspectionInput.communityCode',
      'RecordInvestmentInput.communityCode',
      'RecordLegalServiceInput.communityCode',
      'RecordPatrolInput.communityCode',
      'RegisterFacilityInput.communityCode',
      'RegisterOrganizationInput.communityCodes',
      'RegisterPracticalProjectInput.communityCode',
      'RegisterSupervisedPersonInput.communityCode',
      'RegisterVolunteerInput.communityCode',
      'ReportSafetyIncidentInput.communityCode',
      'SubmitServiceRequestInput.communityCode',
    ]);
  });
});

describe('a well-formed code nobody has', () => {
  it.each([
    ['a region', `{ region(code: "629900") { code } }`, {}, '629900', 'code'],
    ['a street', `{ regions(parentCode: "620102009") { code } }`, {}, '620102009', 'parentCode'],
    ['a community', `{ community(code: "620199999999") { code } }`, {}, '620199999999', 'code'],
    ['an input field', `{ communities(filter: { regionCode: "629900" }) { totalCount } }`, {}, '629900', 'filter.regionCode'],
    ['a variable', `query ($c: String!) { region(code: $c) { code } }`, { c: '629900' }, '629900', 'code'],
    ['a variable default the request leaves out', `query ($c: String! = "620199999999") { community(code: $c) { code } }`, {}, '620199999999', 'code'],
    ['a fragment, beside a known code', `{ region(code: "620100") { code } ...F } fragment F on Query { community(code: "620102001999") { code } }`, {}, '620102001999', 'code'],
  ])('in %s is NOT_FOUND naming the code and the argument, before any subgraph is asked', async (_where, query, variables, code, argument) => {
    const { status, data, errors, statements } = await counted(patientGateway.url, query, { variables });
    expect(status).toBe(404);
    expect(data ?? null).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument });
    expect(errors?.[0].message).toBe(`${argument}: no region or community has the code "${code}"`);
    expect(statements).toBe(0);
  });

  it('in a mutation input is NOT_FOUND and changes nothing', async () => {
    const count = async () => (await governance.dataSource.query(`SELECT count(*)::int AS n FROM governance.practical_project`))[0].n as number;
    const before = await count();
    const { status, errors } = await graphqlRequest(patientGateway.url, 'mutation ($input: RegisterPracticalProjectInput!) { registerPracticalProject(input: $input) { id } }', {
      token: testToken({ roles: ['community_worker'], jurisdiction: '620102' }),
      variables: { input: { communityCode: '620102001999', year: 2026, title: '路灯更换', budget: 1000, fundingSource: 'STATE' } },
    });
    expect(status).toBe(404);
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.communityCode' });
    expect(await count()).toBe(before);
  });

  it('stays the subgraph’s BAD_USER_INPUT when malformed', async () => {
    const { errors } = await graphqlRequest(patientGateway.url, `{ region(code: "62990") { code } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'code' });
  });
});

describe('known codes', () => {
  it('answer as before, with exactly the statements the subgraph runs for them', async () => {
    const query = `{ region(code: "620100") { name } community(code: "620102001001") { name } communities(filter: { regionCode: "620102" }) { totalCount } }`;
    const direct = await counted(governance.url, query);
    const through = await counted(patientGateway.url, query);
    expect(through.errors).toBeUndefined();
    expect(through.data).toEqual({ region: { name: '兰州市' }, community: { name: '幸福社区' }, communities: { totalCount: 5 } });
    expect(through.statements).toBe(direct.statements);
  });
});

describe('the registry', () => {
  it('finds a community inserted since it loaded, asking governance once again on the miss', async () => {
    await governance.dataSource.query(
      `INSERT INTO governance.community (code, name, street_code, population, households, tier, synthetic)
       VALUES ('620201001002', '新建社区', '620201001', 100, 40, 'STANDARD', true)`,
    );
    const query = `{ community(code: "620201001002") { name } }`;
    // Asked again within the hour: the patient gateway still holds the codes of its start, and does not ask governance.
    const stale = await counted(patientGateway.url, query);
    expect(stale.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(stale.statements).toBe(0);
    const fresh = await counted(gateway.url, query);
    expect(fresh.errors).toBeUndefined();
    expect(fresh.data.community.name).toBe('新建社区');
    // One statement for the registry's reload, one for the community.
    expect(fresh.statements).toBe(2);
    const again = await counted(gateway.url, query);
    expect(again.statements).toBe(1);
  });

  it('asks at most once per interval, and is skipped, not blocking, while governance cannot answer', async () => {
    let clock = 0;
    let answer: string[] | null = null;
    let loads = 0;
    const load = async () => {
      loads += 1;
      if (!answer) {
        throw new Error('connection refused');
      }
      return answer;
    };
    const registry = new CodeRegistry(load, 60_000, createLogger('test', 'silent'), () => clock);
    await registry.refresh();
    expect(await registry.unknownOf(['629900'])).toBeNull();
    expect(loads).toBe(1);
    answer = ['620000', '620100'];
    clock = 59_999;
    expect(await registry.unknownOf(['629900'])).toBeNull();
    expect(loads).toBe(1);
    clock = 60_000;
    expect(await registry.unknownOf(['620100', '629900'])).toEqual(['629900']);
    expect(loads).toBe(2);
    clock = 100_000;
    expect(await registry.unknownOf(['620100'])).toEqual([]);
    expect(await registry.unknownOf(['629900'])).toEqual(['629900']);
    expect(loads).toBe(2);
    answer = null;
    clock = 120_000;
    // A failed reload keeps the codes loaded before.
    expect(await registry.unknownOf(['629900'])).toEqual(['629900']);
    expect(loads).toBe(3);
  });

  it('never stops the graph when governance is unreachable: the check is left off', async () => {
    const unreachable = await startGateway(testGatewaySettings({ governance: 'http://127.0.0.1:9/graphql' }, { subgraphTimeoutMs: 2000, codeRegistryRefreshMs: 0 }));
    try {
      const { errors } = await graphqlRequest(unreachable.url, `{ region(code: "629900") { code } }`);
      // The subgraph fetch fails, not the code check.
      expect(errors?.[0].extensions?.code).not.toBe('NOT_FOUND');
      const { data } = await graphqlRequest(unreachable.url, `{ __typename }`);
      expect(data.__typename).toBe('Query');
    } finally {
      await unreachable.stop();
    }
  });
});
