import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { volunteersSubgraph } from '../subgraph';
import { insertVolunteersFixture, VOLUNTEERS_FIXTURE } from '../testing/fixture';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(volunteersSubgraph);
  await insertVolunteersFixture(subgraph.dataSource);
});
afterAll(() => subgraph.stop());

const staff = testToken({ sub: 'staff', roles: ['department_staff'], department: 'volunteers', jurisdiction: '620100' });
const REGISTER = `mutation ($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id stage registrationNumber communities { code } } }`;
const ADVANCE = `mutation ($input: AdvanceOrganizationStageInput!) { advanceOrganizationStage(input: $input) { stage registrationNumber registeredOn } }`;
const organization = { name: '七里河青年志愿者协会', kind: 'RESIDENTS_INTEREST_GROUP', functions: ['SOCIAL_SERVICE'], communityCodes: ['620103001001', '620102002002'], staffCount: 1, volunteerCount: 20 };

async function stageOf(id: string): Promise<string> {
  const [row] = await subgraph.dataSource.query(`SELECT stage FROM volunteers.organization WHERE id = $1`, [id]);
  return row.stage;
}

describe('organisations', () => {
  it('are registered incubating and advance only along INCUBATING → REGISTERED → ACTIVE', async () => {
    const registered = await graphqlRequest(subgraph.url, REGISTER, { token: staff, variables: { input: organization } });
    expect(registered.data.registerOrganization).toMatchObject({ stage: 'INCUBATING', registrationNumber: null, communities: [{ code: '620102002002' }, { code: '620103001001' }] });
    const id = registered.data.registerOrganization.id;

    const skip = await graphqlRequest(subgraph.url, ADVANCE, { token: staff, variables: { input: { id, stage: 'ACTIVE' } } });
    expect(skip.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(skip.errors?.[0].message).toContain('allowed from INCUBATING: REGISTERED, SUSPENDED');
    const noNumber = await graphqlRequest(subgraph.url, ADVANCE, { token: staff, variables: { input: { id, stage: 'REGISTERED' } } });
    expect(noNumber.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.registrationNumber' });
    expect(await stageOf(id)).toBe('INCUBATING');

    const takenNumber = await graphqlRequest(subgraph.url, ADVANCE, { token: staff, variables: { input: { id, stage: 'REGISTERED', registrationNumber: '52620102MJ0000001A' } } });
    expect(takenNumber.errors?.[0].extensions?.code).toBe('CONFLICT');
    const registeredStage = await graphqlRequest(subgraph.url, ADVANCE, { token: staff, variables: { input: { id, stage: 'REGISTERED', registrationNumber: '52620103mj0000009x', registeredOn: '2026-01-15' } } });
    expect(registeredStage.data.advanceOrganizationStage).toEqual({ stage: 'REGISTERED', registrationNumber: '52620103MJ0000009X', registeredOn: '2026-01-15' });
    expect((await graphqlRequest(subgraph.url, ADVANCE, { token: staff, variables: { input: { id, stage: 'ACTIVE' } } })).data.advanceOrganizationStage.stage).toBe('ACTIVE');
    expect((await graphqlRequest(subgraph.url, ADVANCE, { token: staff, variables: { input: { id, stage: 'SUSPENDED' } } })).data.advanceOrganizationStage.stage).toBe('SUSPENDED');
    const [audit] = await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM volunteers.audit_log WHERE target_ids @> ARRAY[$1]`, [id]);
    expect(audit.n).toBe(4);
  });

  it('are advanced by staff over any community they serve, and registered only by staff over all of them', async () => {
    const countyStaff = testToken({ roles: ['department_staff'], department: 'volunteers', jurisdiction: '620103' });
    // the incubator serves 620102001001 and 620103001001
    const advanced = await graphqlRequest(subgraph.url, ADVANCE, { token: countyStaff, variables: { input: { id: VOLUNTEERS_FIXTURE.organizations.incubator, stage: 'SUSPENDED' } } });
    expect(advanced.data.advanceOrganizationStage.stage).toBe('SUSPENDED');
    const elsewhere = testToken({ roles: ['department_staff'], department: 'volunteers', jurisdiction: '620200' });
    const refused = await graphqlRequest(subgraph.url, ADVANCE, { token: elsewhere, variables: { input: { id: VOLUNTEERS_FIXTURE.organizations.socialService, stage: 'SUSPENDED' } } });
    expect(refused.errors?.[0]).toMatchObject({ message: `organization ${VOLUNTEERS_FIXTURE.organizations.socialService} does not exist`, extensions: { code: 'NOT_FOUND' } });
    const worker = testToken({ roles: ['community_worker'], jurisdiction: '620100' });
    expect((await graphqlRequest(subgraph.url, REGISTER, { token: worker, variables: { input: organization } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await graphqlRequest(subgraph.url, REGISTER, { token: countyStaff, variables: { input: organization } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await stageOf(VOLUNTEERS_FIXTURE.organizations.socialService)).toBe('ACTIVE');
  });

  it.each([
    [{ ...organization, communityCodes: [] }, 'input.communityCodes'],
    [{ ...organization, communityCodes: ['6201030010'] }, 'input.communityCodes'],
    [{ ...organization, functions: ['SOCIAL_SERVICE', 'SOCIAL_SERVICE'] }, 'input.functions'],
    [{ ...organization, staffCount: -1 }, 'input.staffCount'],
    [{ ...organization, name: '' }, 'input.name'],
  ])('rejects %j naming %s', async (input, argument) => {
    const [before] = await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM volunteers.organization`);
    const { errors } = await graphqlRequest(subgraph.url, REGISTER, { token: staff, variables: { input } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    const [after] = await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM volunteers.organization`);
    expect(after.n).toBe(before.n);
  });

  it('are listed by region and stage with keyset pages', async () => {
    const { data, errors } = await graphqlRequest(
      subgraph.url,
      `{ lanzhou: organizations(filter: { regionCode: "620100" }, first: 1) { totalCount edges { cursor node { name } } pageInfo { hasNextPage } }
         registered: organizations(filter: { stage: REGISTERED, kind: MEDIATION_ORGANIZATION }) { totalCount edges { node { name communities { code } } } }
         one: organization(id: "${VOLUNTEERS_FIXTURE.organizations.mediation}") { name functions } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.lanzhou.totalCount).toBe(3);
    expect(data.lanzhou.pageInfo.hasNextPage).toBe(true);
    expect(data.registered).toEqual({ totalCount: 1, edges: [{ node: { name: '新华调解工作室', communities: [{ code: '620201001001' }] } }] });
    expect(data.one).toEqual({ name: '新华调解工作室', functions: ['GOVERNMENT_RESIDENT_COMMUNICATION'] });
    const next = await graphqlRequest(subgraph.url, `query ($after: String) { organizations(filter: { regionCode: "620100" }, first: 5, after: $after) { edges { node { name } } pageInfo { hasPreviousPage hasNextPage } } }`, {
      variables: { after: data.lanzhou.edges[0].cursor },
    });
    expect(next.data.organizations.edges).toHaveLength(2);
    expect(next.data.organizations.edges.map((edge: { node: { name: string } }) => edge.node.name)).not.toContain(data.lanzhou.edges[0].node.name);
    expect(next.data.organizations.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: false });
  });
});
