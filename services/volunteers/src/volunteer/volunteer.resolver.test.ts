import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { volunteersSubgraph } from '../subgraph';
import { insertVolunteersFixture, VOLUNTEERS_FIXTURE } from '../testing/fixture';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(volunteersSubgraph);
  await insertVolunteersFixture(subgraph.dataSource);
});
afterAll(() => subgraph.stop());

const { volunteers: v, teams: t } = VOLUNTEERS_FIXTURE;
const PERSONAL = `query ($id: ID!) { volunteer(id: $id) { name phone idNumber hourBalance skills status registeredOn } }`;
const UNMASKED = { name: '张三', phone: '13812345678', idNumber: '620102199001011234' };
const MASKED = { name: '张*', phone: '*******5678', idNumber: '**************1234' };

describe('personal data', () => {
  it.each([
    ['the volunteer themself', { sub: VOLUNTEERS_FIXTURE.zhangAccount, roles: ['resident'], jurisdiction: '620102001001' }, UNMASKED, 4],
    ['volunteers staff of the county', { roles: ['department_staff'], department: 'volunteers', jurisdiction: '620102' }, UNMASKED, 4],
    ['an admin', { roles: ['admin'], jurisdiction: '620000' }, UNMASKED, 4],
    ['a community worker of the street', { roles: ['community_worker'], jurisdiction: '620102001' }, MASKED, 4],
    ['an analyst', { roles: ['analyst'], jurisdiction: '620000' }, MASKED, null],
    ['governance staff of the county', { roles: ['department_staff'], department: 'governance', jurisdiction: '620102' }, null, null],
  ] as const)('is shown to %s as %j', async (_who, claims, expected, balance) => {
    const response = await graphqlRequest(subgraph.url, PERSONAL, { token: testToken({ sub: 'someone', ...claims, roles: [...claims.roles] }), variables: { id: v.zhang } });
    if (expected === null) {
      // Not theirs to read: the volunteer reads as no volunteer at all.
      expect(response).toMatchObject({ data: { volunteer: null } });
      expect(response.errors).toBeUndefined();
      return;
    }
    expect(response.errors).toBeUndefined();
    expect(response.data.volunteer).toMatchObject({ ...expected, hourBalance: balance, skills: ['ELDERLY_CARE', 'IT'], status: 'ACTIVE' });
  });

  it('answers volunteers staff of another county as for an unknown id, and lists only within jurisdiction', async () => {
    const otherStaff = testToken({ roles: ['department_staff'], department: 'volunteers', jurisdiction: '620103' });
    const outside = await graphqlRequest(subgraph.url, PERSONAL, { token: otherStaff, variables: { id: v.zhang } });
    const unknown = await graphqlRequest(subgraph.url, PERSONAL, { token: otherStaff, variables: { id: '00000000-0000-4000-8000-00000000ffff' } });
    expect(outside).toEqual(unknown);
    expect(outside.data).toEqual({ volunteer: null });
    const LIST = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Community { code volunteers(filter: { status: ACTIVE }) { totalCount edges { node { name phone } } } } } }`;
    const representations = [{ __typename: 'Community', code: '620102001001' }, { __typename: 'Community', code: '620103001001' }];
    const asOther = await graphqlRequest(subgraph.url, LIST, { token: otherStaff, variables: { representations } });
    expect(asOther.data._entities[0].volunteers).toBeNull();
    expect(asOther.data._entities[1].volunteers).toEqual({ totalCount: 1, edges: [{ node: { name: '周八', phone: '13412345678' } }] });
    const anonymous = await graphqlRequest(subgraph.url, LIST, { variables: { representations } });
    expect(anonymous.data._entities.map((entity: { volunteers: unknown }) => entity.volunteers)).toEqual([null, null]);
    const worker = await graphqlRequest(subgraph.url, LIST, { token: testToken({ roles: ['community_worker'], jurisdiction: '620102' }), variables: { representations } });
    // 王五 withdrew; 李四 registered earlier than 张三, so comes second
    expect(worker.data._entities[0].volunteers).toEqual({ totalCount: 2, edges: [{ node: { name: '张*', phone: '*******5678' } }, { node: { name: '李*', phone: '*******5678' } }] });
  });
});

describe('registering and updating volunteers', () => {
  const staff = testToken({ sub: 'staff', roles: ['department_staff'], department: 'volunteers', jurisdiction: '620102' });
  const REGISTER = `mutation ($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { id name phone registeredOn } }`;
  const UPDATE = `mutation ($input: UpdateVolunteerInput!) { updateVolunteer(input: $input) { status skills phone } }`;
  const input = { communityCode: '620102002002', name: '郑十一', phone: '13099998888', idNumber: '62010220000101123x', skills: ['IT', 'EDUCATION'], registeredOn: '2025-03-01' };

  it('registers once per ID number and moves status only along the allowed paths', async () => {
    const registered = await graphqlRequest(subgraph.url, REGISTER, { token: staff, variables: { input } });
    expect(registered.data.registerVolunteer).toMatchObject({ name: '郑十一', phone: '13099998888', registeredOn: '2025-03-01' });
    const duplicate = await graphqlRequest(subgraph.url, REGISTER, { token: staff, variables: { input } });
    expect(duplicate.errors?.[0].extensions?.code).toBe('CONFLICT');
    const id = registered.data.registerVolunteer.id;
    expect((await graphqlRequest(subgraph.url, UPDATE, { token: staff, variables: { input: { id, status: 'WITHDRAWN', phone: '13100001111' } } })).data.updateVolunteer).toEqual({
      status: 'WITHDRAWN',
      skills: ['IT', 'EDUCATION'],
      phone: '13100001111',
    });
    const back = await graphqlRequest(subgraph.url, UPDATE, { token: staff, variables: { input: { id, status: 'ACTIVE' } } });
    expect(back.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(back.errors?.[0].message).toContain('WITHDRAWN is final');
  });

  it('takes a landline as a volunteer’s phone, as every department does, and the ID number trimmed and upper-cased', async () => {
    const PERSON = `query ($id: ID!) { volunteer(id: $id) { phone idNumber } }`;
    const landline = { ...input, name: '王十二', phone: ' 0931-8123456 ', idNumber: ' 62010219910101123x ' };
    const registered = await graphqlRequest(subgraph.url, REGISTER, { token: staff, variables: { input: landline } });
    expect(registered.errors).toBeUndefined();
    const { id } = registered.data.registerVolunteer;
    expect((await graphqlRequest(subgraph.url, PERSON, { token: staff, variables: { id } })).data.volunteer).toEqual({ phone: '0931-8123456', idNumber: '62010219910101123X' });
    const updated = await graphqlRequest(subgraph.url, UPDATE, { token: staff, variables: { input: { id, phone: '01012345678' } } });
    expect(updated.data.updateVolunteer.phone).toBe('01012345678');
  });

  it.each([
    [{ ...input, idNumber: '62010220000101123' }, 'input.idNumber'],
    [{ ...input, phone: '+8613099998888' }, 'input.phone'],
    [{ ...input, phone: '0931-123' }, 'input.phone'],
    [{ ...input, phone: '2309999888' }, 'input.phone'],
    [{ ...input, communityCode: '620102' }, 'input.communityCode'],
    [{ ...input, skills: [] }, 'input.skills'],
    [{ ...input, skills: ['IT', 'IT'] }, 'input.skills'],
    [{ ...input, registeredOn: '2999-01-01' }, 'input.registeredOn'],
    [{ ...input, name: ' ' }, 'input.name'],
  ])('rejects %j naming %s', async (bad, argument) => {
    const [before] = await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM volunteers.volunteer`);
    const { errors } = await graphqlRequest(subgraph.url, REGISTER, { token: staff, variables: { input: bad } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    const [after] = await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM volunteers.volunteer`);
    expect(after.n).toBe(before.n);
  });

  it('refuses a resident, an analyst and staff of another county', async () => {
    for (const claims of [{ roles: ['resident'] as const, jurisdiction: '620102' }, { roles: ['analyst'] as const, jurisdiction: '620000' }, { roles: ['department_staff'] as const, department: 'volunteers' as const, jurisdiction: '620103' }]) {
      const { errors } = await graphqlRequest(subgraph.url, REGISTER, { token: testToken({ ...claims, roles: [...claims.roles] }), variables: { input: { ...input, idNumber: '620102200001011239' } } });
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('teams', () => {
  const worker = testToken({ roles: ['community_worker'], jurisdiction: '620102001' });
  it('creates a team run by an organisation serving the community and adds members once', async () => {
    const created = await graphqlRequest(subgraph.url, `mutation ($input: CreateVolunteerTeamInput!) { createTeam(input: $input) { id name organization { name } memberCount community { code } } }`, {
      token: worker,
      variables: { input: { name: '社工服务队', communityCode: '620102001001', organizationId: VOLUNTEERS_FIXTURE.organizations.socialService } },
    });
    expect(created.data.createTeam).toMatchObject({ name: '社工服务队', organization: { name: '城关区社会工作服务中心' }, memberCount: 0, community: { code: '620102001001' } });
    const JOIN = `mutation ($input: JoinVolunteerTeamInput!) { joinTeam(input: $input) { role team { name memberCount } volunteer { id } } }`;
    const joined = await graphqlRequest(subgraph.url, JOIN, { token: worker, variables: { input: { teamId: created.data.createTeam.id, volunteerId: v.zhang, role: 'LEADER' } } });
    expect(joined.data.joinTeam).toEqual({ role: 'LEADER', team: { name: '社工服务队', memberCount: 1 }, volunteer: { id: v.zhang } });
    expect((await graphqlRequest(subgraph.url, JOIN, { token: worker, variables: { input: { teamId: created.data.createTeam.id, volunteerId: v.zhang } } })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await graphqlRequest(subgraph.url, JOIN, { token: worker, variables: { input: { teamId: t.xingfu, volunteerId: v.wang } } })).errors?.[0].extensions?.argument).toBe('input.volunteerId');
    const notServed = await graphqlRequest(subgraph.url, `mutation ($input: CreateVolunteerTeamInput!) { createTeam(input: $input) { id } }`, {
      token: worker,
      variables: { input: { name: '队', communityCode: '620102001002', organizationId: VOLUNTEERS_FIXTURE.organizations.socialService } },
    });
    expect(notServed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.organizationId' });
  });
});
