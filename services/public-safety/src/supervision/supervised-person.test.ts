import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { publicSafetySubgraph } from '../subgraph';
import { insertPublicSafetyFixture } from '../testing/fixture';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(publicSafetySubgraph);
  await insertPublicSafetyFixture(subgraph.dataSource);
});
afterAll(() => subgraph.stop());

const staff = (jurisdiction: string, sub = 'ps-staff') => testToken({ sub, roles: ['department_staff'], department: 'public-safety', jurisdiction });
const admin = testToken({ sub: 'admin', roles: ['admin'], jurisdiction: '620000' });
const READ = `query ($code: String!) { supervisedPersons(communityCode: $code) { id fullName idNumber category caseworker plan { assistance education } community { code } } }`;

async function auditRows(): Promise<{ actor_sub: string; operation: string; target_ids: string[] }[]> {
  return subgraph.dataSource.query(`SELECT actor_sub, operation, target_ids FROM public_safety.audit_log ORDER BY id`);
}

describe('supervisedPersons (restricted)', () => {
  it.each([
    ['an analyst', testToken({ roles: ['analyst'], jurisdiction: '620000' })],
    ['a resident', testToken({ roles: ['resident'], jurisdiction: '620102001001' })],
    ['a community worker', testToken({ roles: ['community_worker'], jurisdiction: '620102' })],
    ['governance staff', testToken({ roles: ['department_staff'], department: 'governance', jurisdiction: '620000' })],
    ['public-safety staff of another county', staff('620103')],
    ['an admin who is not public-safety staff', admin],
  ])('refuses %s with FORBIDDEN, no row and no audit entry', async (_who, token) => {
    const before = (await auditRows()).length;
    const response = await graphqlRequest(subgraph.url, READ, { variables: { code: '620102001001' }, token });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(response.data).toEqual({ supervisedPersons: null });
    expect(JSON.stringify(response)).not.toContain('张三');
    expect((await auditRows()).length).toBe(before);
  });

  it('refuses an anonymous caller', async () => {
    const response = await graphqlRequest(subgraph.url, READ, { variables: { code: '620102001001' } });
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data).toEqual({ supervisedPersons: null });
  });

  it('gives staff of the county the rows, and audits one entry per row read in the same transaction', async () => {
    const before = (await auditRows()).length;
    const response = await graphqlRequest(subgraph.url, READ, { variables: { code: '620102001001' }, token: staff('620102', 'officer-1') });
    expect(response.errors).toBeUndefined();
    const ids = response.data.supervisedPersons.map((person: { id: string }) => person.id);
    expect(response.data.supervisedPersons.map((person: { fullName: string }) => person.fullName)).toEqual(['王五', '张三', '李四']);
    expect(response.data.supervisedPersons[1]).toMatchObject({ idNumber: '620102199001011234', caseworker: '陈社工', plan: { assistance: '就业推荐' }, community: { code: '620102001001' } });
    const added = (await auditRows()).slice(before);
    expect(added).toEqual(ids.map((id: string) => ({ actor_sub: 'officer-1', operation: 'read:SupervisedPerson', target_ids: [id] })));
  });

  it('also lets an admin who is public-safety staff read within jurisdiction', async () => {
    const token = testToken({ roles: ['admin', 'department_staff'], department: 'public-safety', jurisdiction: '620103' });
    const response = await graphqlRequest(subgraph.url, READ, { variables: { code: '620103001001' }, token });
    expect(response.data.supervisedPersons.map((person: { fullName: string }) => person.fullName)).toEqual(['钱七']);
  });

  it('rejects a malformed community code', async () => {
    const { errors } = await graphqlRequest(subgraph.url, READ, { variables: { code: '6201' }, token: staff('620102') });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'communityCode' });
  });
});

describe('registerSupervisedPerson and updateAssistancePlan', () => {
  const REGISTER = `mutation ($input: RegisterSupervisedPersonInput!) { registerSupervisedPerson(input: $input) { id fullName supervisedUntil plan { education } } }`;
  const UPDATE = `mutation ($id: ID!, $input: UpdateAssistancePlanInput!) { updateAssistancePlan(id: $id, input: $input) { caseworker plan { assistance education } } }`;
  const person = {
    communityCode: '620102001002',
    category: 'RELEASED_PRISONER',
    fullName: '孙八',
    idNumber: '620102199404046789',
    supervisedFrom: '2025-01-01',
    caseworker: '陈社工',
    assistancePlan: '职业培训',
    educationPlan: '法治教育',
  };

  it('registers and updates within jurisdiction, audited', async () => {
    const registered = await graphqlRequest(subgraph.url, REGISTER, { variables: { input: person }, token: staff('620102') });
    expect(registered.errors).toBeUndefined();
    const { id } = registered.data.registerSupervisedPerson;
    const updated = await graphqlRequest(subgraph.url, UPDATE, { variables: { id, input: { assistancePlan: '推荐就业岗位', caseworker: '周社工' } }, token: staff('620102') });
    expect(updated.data.updateAssistancePlan).toEqual({ caseworker: '周社工', plan: { assistance: '推荐就业岗位', education: '法治教育' } });
    const operations = (await auditRows()).filter((row) => row.target_ids.includes(id)).map((row) => row.operation);
    expect(operations).toEqual(['registerSupervisedPerson', 'updateAssistancePlan']);
  });

  it('refuses a community worker and staff of another county (to whom the person does not exist), changing nothing', async () => {
    for (const token of [testToken({ roles: ['community_worker'], jurisdiction: '620102' }), staff('620103'), admin]) {
      const { errors } = await graphqlRequest(subgraph.url, REGISTER, { variables: { input: { ...person, fullName: '不该存在' } }, token });
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const [{ count }] = await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM public_safety.supervised_person WHERE full_name = '不该存在'`);
    expect(count).toBe(0);
    const other = await graphqlRequest(subgraph.url, UPDATE, { variables: { id: '00000000-0000-4000-8000-000000000301', input: { caseworker: 'x' } }, token: staff('620103') });
    const unknown = await graphqlRequest(subgraph.url, UPDATE, { variables: { id: '00000000-0000-4000-8000-00000000ffff', input: { caseworker: 'x' } }, token: staff('620103') });
    expect(other.errors?.[0]).toMatchObject({ message: 'supervised person 00000000-0000-4000-8000-000000000301 does not exist', extensions: { code: 'NOT_FOUND' } });
    expect(other.errors?.[0].message.replace('0301', 'ffff')).toBe(unknown.errors?.[0].message);
    expect(JSON.stringify(other)).not.toMatch(/620102|jurisdiction/);
  });

  it.each([
    [{ ...person, idNumber: '12345' }, 'input.idNumber'],
    [{ ...person, communityCode: '620102001' }, 'input.communityCode'],
    [{ ...person, supervisedFrom: '2025-02-30' }, 'input.supervisedFrom'],
    [{ ...person, supervisedUntil: '2024-01-01' }, 'input.supervisedUntil'],
    [{ ...person, phone: '12' }, 'input.phone'],
    [{ ...person, fullName: ' ' }, 'input.fullName'],
  ])('rejects %j naming %s and writes nothing', async (input, argument) => {
    const before = await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM public_safety.supervised_person`);
    const { errors } = await graphqlRequest(subgraph.url, REGISTER, { variables: { input }, token: staff('620102') });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM public_safety.supervised_person`)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown id, after the role check', async () => {
    const { errors } = await graphqlRequest(subgraph.url, UPDATE, { variables: { id: '00000000-0000-4000-8000-000000000999', input: { caseworker: 'x' } }, token: staff('620102') });
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('publicSafetyAuditLog', () => {
  const LOG = `query ($filter: AuditLogFilter, $after: String) { publicSafetyAuditLog(filter: $filter, first: 2, after: $after) { totalCount edges { node { operation actorSub targetIds occurredAt } } pageInfo { hasNextPage endCursor } } }`;

  it('is for admins only', async () => {
    const response = await graphqlRequest(subgraph.url, LOG, { token: staff('620000') });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(response.data).toEqual({ publicSafetyAuditLog: null });
  });

  it('filters by operation, actor and date range, newest first, in pages', async () => {
    const filter = { operation: 'read:SupervisedPerson', actorSub: 'officer-1', from: new Date(Date.now() - 3600_000).toISOString() };
    const first = await graphqlRequest(subgraph.url, LOG, { variables: { filter }, token: admin });
    expect(first.data.publicSafetyAuditLog.totalCount).toBe(3);
    expect(first.data.publicSafetyAuditLog.pageInfo.hasNextPage).toBe(true);
    const second = await graphqlRequest(subgraph.url, LOG, { variables: { filter, after: first.data.publicSafetyAuditLog.pageInfo.endCursor }, token: admin });
    const targets = [...first.data.publicSafetyAuditLog.edges, ...second.data.publicSafetyAuditLog.edges].map((edge: { node: { targetIds: string[] } }) => edge.node.targetIds[0]);
    expect(targets).toEqual(['00000000-0000-4000-8000-000000000302', '00000000-0000-4000-8000-000000000301', '00000000-0000-4000-8000-000000000303']);
    const future = await graphqlRequest(subgraph.url, LOG, { variables: { filter: { from: new Date(Date.now() + 3600_000).toISOString() } }, token: admin });
    expect(future.data.publicSafetyAuditLog.totalCount).toBe(0);
  });

  it('rejects a reversed date range', async () => {
    const { errors } = await graphqlRequest(subgraph.url, LOG, { variables: { filter: { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' } }, token: admin });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.to' });
  });
});
