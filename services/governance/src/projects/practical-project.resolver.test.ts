import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { governanceSubgraph } from '../subgraph';
import { insertGovernanceFixture } from '../testing/fixture';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(governanceSubgraph);
  await insertGovernanceFixture(subgraph.dataSource);
});
afterAll(() => subgraph.stop());

const countyWorker = testToken({ sub: 'worker', roles: ['community_worker'], jurisdiction: '620102' });
const REGISTER = `mutation ($input: RegisterPracticalProjectInput!) { registerPracticalProject(input: $input) { id status community { code name } } }`;
const MOVE = `mutation ($id: ID!, $status: PracticalProjectStatus!) { changePracticalProjectStatus(id: $id, status: $status) { status completedAt } }`;
const project = { communityCode: '620102001001', year: 2026, title: '老旧小区加装电梯', budget: 350000, fundingSource: 'STATE' };

describe('practical projects', () => {
  it('are registered by a community worker of the county and completed step by step', async () => {
    const registered = await graphqlRequest(subgraph.url, REGISTER, { variables: { input: project }, token: countyWorker });
    expect(registered.data.registerPracticalProject).toMatchObject({ status: 'PLANNED', community: { code: '620102001001', name: '幸福社区' } });
    const id = registered.data.registerPracticalProject.id;
    const skipped = await graphqlRequest(subgraph.url, MOVE, { variables: { id, status: 'COMPLETED' }, token: countyWorker });
    expect(skipped.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(skipped.errors?.[0].message).toContain('allowed from PLANNED: IN_PROGRESS, CANCELLED');
    await graphqlRequest(subgraph.url, MOVE, { variables: { id, status: 'IN_PROGRESS' }, token: countyWorker });
    const done = await graphqlRequest(subgraph.url, MOVE, { variables: { id, status: 'COMPLETED' }, token: countyWorker });
    expect(done.data.changePracticalProjectStatus.status).toBe('COMPLETED');
    expect(done.data.changePracticalProjectStatus.completedAt).not.toBeNull();
    const cancelled = await graphqlRequest(subgraph.url, MOVE, { variables: { id, status: 'CANCELLED' }, token: countyWorker });
    expect(cancelled.errors?.[0].message).toContain('COMPLETED is final');
  });

  it("refuses a worker of another county, and lists projects by region, year and status", async () => {
    const other = testToken({ roles: ['community_worker'], jurisdiction: '620103' });
    const refused = await graphqlRequest(subgraph.url, REGISTER, { variables: { input: project }, token: other });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await graphqlRequest(subgraph.url, REGISTER, { variables: { input: { ...project, communityCode: '620102002001', title: '社区食堂' } }, token: countyWorker });
    const { data } = await graphqlRequest(
      subgraph.url,
      `{ county: practicalProjects(filter: { regionCode: "620102", year: 2026 }, first: 1) { totalCount edges { cursor } pageInfo { hasNextPage } }
         completed: practicalProjects(filter: { status: COMPLETED }) { totalCount }
         community(code: "620102001001") { practicalProjects(year: 2026) { title } } }`,
    );
    expect(data.county.totalCount).toBe(2);
    expect(data.county.pageInfo.hasNextPage).toBe(true);
    expect(data.completed.totalCount).toBe(1);
    expect(data.community.practicalProjects).toEqual([{ title: '老旧小区加装电梯' }]);
  });

  it.each([
    [{ ...project, budget: -5 }, 'input.budget'],
    [{ ...project, communityCode: '620102001' }, 'input.communityCode'],
    [{ ...project, title: 'x'.repeat(201) }, 'input.title'],
  ])('rejects %j naming %s', async (input, argument) => {
    const { errors } = await graphqlRequest(subgraph.url, REGISTER, { variables: { input }, token: countyWorker });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});

describe('demonstration units', () => {
  const DESIGNATE = `mutation ($input: DesignateDemonstrationUnitInput!) { designateDemonstrationUnit(input: $input) { code level year } }`;
  const provincial = testToken({ roles: ['department_staff'], department: 'governance', jurisdiction: '620000' });

  it('designates a community once per level and year, and shows it on the community', async () => {
    const input = { code: '620102001002', level: 'PROVINCIAL', year: 2025, practice: '网格化服务' };
    expect((await graphqlRequest(subgraph.url, DESIGNATE, { variables: { input }, token: provincial })).data.designateDemonstrationUnit).toEqual({ code: '620102001002', level: 'PROVINCIAL', year: 2025 });
    expect((await graphqlRequest(subgraph.url, DESIGNATE, { variables: { input }, token: provincial })).errors?.[0].extensions?.code).toBe('CONFLICT');
    const { data } = await graphqlRequest(subgraph.url, `{ community(code: "620102001002") { demonstration { practice } } demonstrationUnits(filter: { regionCode: "620100", year: 2025 }) { code } }`);
    expect(data.community.demonstration).toEqual([{ practice: '网格化服务' }]);
    expect(data.demonstrationUnits).toEqual([{ code: '620102001002' }]);
  });

  it('rejects a code that is neither a community nor a street', async () => {
    const { errors } = await graphqlRequest(subgraph.url, DESIGNATE, { variables: { input: { code: '620102', level: 'MUNICIPAL', year: 2025, practice: 'x' } }, token: provincial });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.code' });
  });
});
