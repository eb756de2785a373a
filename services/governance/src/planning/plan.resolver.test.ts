import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { governanceSubgraph } from '../subgraph';
import { insertGovernanceFixture } from '../testing/fixture';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(governanceSubgraph);
  await insertGovernanceFixture(subgraph.dataSource);
});
afterAll(() => subgraph.stop());

const lanzhouPlanner = testToken({ sub: 'planner', roles: ['department_staff'], department: 'governance', jurisdiction: '620100' });
const jiayuguanPlanner = testToken({ sub: 'other', roles: ['department_staff'], department: 'governance', jurisdiction: '620200' });
const send = (query: string, variables: Record<string, unknown>, token = lanzhouPlanner) => graphqlRequest(subgraph.url, query, { variables, token });

const DRAFT = `mutation ($input: DraftPlanInput!) { draftPlan(input: $input) { id status title region { code } } }`;
const MOVE = (mutation: string) => `mutation ($id: ID!) { ${mutation}(id: $id) { id status } }`;
const APPROVE = `mutation ($id: ID!) { approvePlan(id: $id, approvingBody: "兰州市人民政府") { id status approvingBody } }`;
const ADD_TARGET = `mutation ($planId: ID!, $input: PlanTargetInput!) { addPlanTarget(planId: $planId, input: $input) { id indicator targetValue tiers } }`;

async function rowCounts() {
  const [row] = await subgraph.dataSource.query(
    `SELECT (SELECT count(*)::int FROM governance.plan) AS plans, (SELECT count(*)::int FROM governance.plan_target) AS targets, (SELECT count(*)::int FROM governance.audit_log) AS audits`,
  );
  return row;
}

const fiveYear = { regionCode: '620100', kind: 'FIVE_YEAR', title: '兰州市和谐社区建设五年规划', startYear: 2026, endYear: 2030 };
const target = { indicator: 'VOLUNTEERS_PER_100', description: '注册志愿者占居民比例', baseline: 4, targetValue: 8, unit: 'per 100 residents', dueYear: 2028, tiers: ['STANDARD', 'ADVANCED'] };

describe('a plan from draft to closed', () => {
  it('drafts, takes targets while DRAFT, is approved, put in force, records progress, closes — audited at each step', async () => {
    const before = await rowCounts();
    const drafted = await send(DRAFT, { input: fiveYear });
    expect(drafted.errors).toBeUndefined();
    const id = drafted.data.draftPlan.id;
    expect(drafted.data.draftPlan).toMatchObject({ status: 'DRAFT', region: { code: '620100' } });

    const added = await send(ADD_TARGET, { planId: id, input: target });
    expect(added.data.addPlanTarget).toMatchObject({ indicator: 'VOLUNTEERS_PER_100', targetValue: 8, tiers: ['STANDARD', 'ADVANCED'] });
    const targetId = added.data.addPlanTarget.id;

    expect((await send(APPROVE, { id })).data.approvePlan).toMatchObject({ status: 'APPROVED', approvingBody: '兰州市人民政府' });
    const lateTarget = await send(ADD_TARGET, { planId: id, input: target });
    expect(lateTarget.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    expect((await send(MOVE('putPlanInForce'), { id })).data.putPlanInForce.status).toBe('IN_FORCE');
    const progress = await send(`mutation ($id: ID!) { recordTargetProgress(targetId: $id, value: 5.5, note: "过半") { progress progressNote } }`, { id: targetId });
    expect(progress.data.recordTargetProgress).toEqual({ progress: 5.5, progressNote: '过半' });
    expect((await send(MOVE('closePlan'), { id })).data.closePlan.status).toBe('CLOSED');

    const after = await rowCounts();
    expect(after.plans - before.plans).toBe(1);
    expect(after.audits - before.audits).toBe(6); // draft, target, approve, in force, progress, close
    // Each entry is named by the mutation that wrote it, as a client calls it.
    const audits = await subgraph.dataSource.query(`SELECT operation FROM governance.audit_log WHERE $1 = ANY(target_ids) ORDER BY id`, [id]);
    expect(audits.map((row: { operation: string }) => row.operation)).toEqual(['draftPlan', 'addPlanTarget', 'approvePlan', 'putPlanInForce', 'closePlan']);
    const { data } = await graphqlRequest(subgraph.url, `query ($id: ID!) { plan(id: $id) { status targets { progress } } region(code: "620100") { plans { id } } }`, { variables: { id } });
    expect(data.plan).toEqual({ status: 'CLOSED', targets: [{ progress: 5.5 }] });
    expect(data.region.plans.map((plan: { id: string }) => plan.id)).toContain(id);
  });

  it.each([
    ['putPlanInForce', 'DRAFT', 'allowed from DRAFT: APPROVED'],
    ['closePlan', 'DRAFT', 'allowed from DRAFT: APPROVED'],
  ])('refuses %s from %s with BAD_USER_INPUT naming the allowed moves, changing nothing', async (mutation, _from, allowed) => {
    const id = (await send(DRAFT, { input: fiveYear })).data.draftPlan.id;
    const before = await rowCounts();
    const { errors } = await send(MOVE(mutation), { id });
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toContain(allowed);
    expect(await rowCounts()).toEqual(before);
    const { data } = await graphqlRequest(subgraph.url, `query ($id: ID!) { plan(id: $id) { status } }`, { variables: { id } });
    expect(data.plan.status).toBe('DRAFT');
  });
});

describe('who may plan', () => {
  it.each([
    ['anonymous', undefined, 'UNAUTHENTICATED'],
    ['an analyst', testToken({ roles: ['analyst'], jurisdiction: '620000' }), 'FORBIDDEN'],
    ['public-safety staff', testToken({ roles: ['department_staff'], department: 'public-safety', jurisdiction: '620000' }), 'FORBIDDEN'],
    ["another prefecture's planner", jiayuguanPlanner, 'FORBIDDEN'],
  ])('refuses %s a Lanzhou plan, writing nothing', async (_who, token, code) => {
    const before = await rowCounts();
    const { data, errors } = await graphqlRequest(subgraph.url, DRAFT, { variables: { input: fiveYear }, token });
    expect(data).toBeNull();
    expect(errors?.[0].extensions?.code).toBe(code);
    expect(await rowCounts()).toEqual(before);
  });

  it("answers another prefecture's planner moving a Lanzhou plan exactly as for a plan that does not exist", async () => {
    const id = (await send(DRAFT, { input: fiveYear })).data.draftPlan.id;
    const unknownId = '00000000-0000-4000-8000-00000000ffff';
    const outside = await send(APPROVE, { id }, jiayuguanPlanner);
    const unknown = await send(APPROVE, { id: unknownId }, jiayuguanPlanner);
    expect(outside.errors?.[0]).toMatchObject({ message: `plan ${id} does not exist`, extensions: { code: 'NOT_FOUND' } });
    expect({ ...outside.errors?.[0], message: outside.errors?.[0].message.replace(id, '<id>') }).toEqual({ ...unknown.errors?.[0], message: unknown.errors?.[0].message.replace(unknownId, '<id>') });
    expect(JSON.stringify(outside)).not.toMatch(/620100|620200|jurisdiction/);
    expect((await send(`query ($id: ID!) { plan(id: $id) { status } }`, { id })).data.plan.status).toBe('DRAFT');
  });
});

describe('plan input', () => {
  it.each([
    [{ ...fiveYear, endYear: 2031 }, 'input.endYear'],
    [{ ...fiveYear, regionCode: '6201' }, 'input.regionCode'],
    [{ ...fiveYear, title: ' ' }, 'input.title'],
    [{ ...fiveYear, startYear: 1800, endYear: 1804 }, 'input.startYear'],
  ])('rejects %j naming %s', async (input, argument) => {
    const before = await rowCounts();
    const { errors } = await send(DRAFT, { input });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await rowCounts()).toEqual(before);
  });

  it('rejects an unknown enum value in variables with BAD_USER_INPUT', async () => {
    const { errors } = await send(DRAFT, { input: { ...fiveYear, kind: 'DECADE' } });
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    [{ ...target, tiers: [] }, 'input.tiers'],
    [{ ...target, targetValue: -1 }, 'input.targetValue'],
    [{ ...target, dueYear: 2040 }, 'input.dueYear'],
  ])('rejects the target %j naming %s', async (input, argument) => {
    const id = (await send(DRAFT, { input: fiveYear })).data.draftPlan.id;
    const { errors } = await send(ADD_TARGET, { planId: id, input });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('answers NOT_FOUND for a plan that does not exist and BAD_USER_INPUT for a malformed id', async () => {
    expect((await send(MOVE('closePlan'), { id: '00000000-0000-4000-8000-000000000000' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await send(MOVE('closePlan'), { id: 'plan-1' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('plans(regionCode, period, status)', () => {
  it('lists the plans of a region and those within it, for a year', async () => {
    await send(DRAFT, { input: { regionCode: '620102', kind: 'ANNUAL', title: '城关区2027年度计划', startYear: 2027, endYear: 2027 } });
    const { data } = await graphqlRequest(subgraph.url, `{ all: plans(regionCode: "620100", period: 2027) { region { code } kind } none: plans(regionCode: "620200") { id } }`);
    expect(data.all.some((plan: { region: { code: string } }) => plan.region.code === '620102')).toBe(true);
    expect(data.all.every((plan: { region: { code: string } }) => plan.region.code.startsWith('6201'))).toBe(true);
    expect(data.none).toEqual([]);
  });
});
