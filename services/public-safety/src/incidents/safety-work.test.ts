import { addDays, chinaToday } from '@shequ/kit';
import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { publicSafetySubgraph } from '../subgraph';
import { insertPublicSafetyFixture } from '../testing/fixture';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(publicSafetySubgraph);
  await insertPublicSafetyFixture(subgraph.dataSource);
});
afterAll(() => subgraph.stop());

const worker = testToken({ sub: 'worker', roles: ['community_worker'], jurisdiction: '620102' });
const staff = testToken({ sub: 'officer', roles: ['department_staff'], department: 'public-safety', jurisdiction: '620102' });
const otherWorker = testToken({ roles: ['community_worker'], jurisdiction: '620103' });
const count = async (table: string): Promise<number> => (await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM public_safety.${table}`))[0].n;

describe('incidents', () => {
  const REPORT = `mutation ($input: ReportSafetyIncidentInput!) { reportIncident(input: $input) { id status category } }`;
  const MOVE = `mutation ($id: ID!, $status: SafetyIncidentStatus!) { updateIncidentStatus(id: $id, status: $status) { status } }`;
  const incident = { communityCode: '620102001002', category: 'FRAUD', severity: 'MEDIUM', occurredAt: new Date(Date.now() - 3600_000).toISOString(), summary: '冒充客服诈骗' };

  it('are reported by a community worker and moved only by public-safety staff along the allowed path', async () => {
    const reported = await graphqlRequest(subgraph.url, REPORT, { variables: { input: incident }, token: worker });
    expect(reported.data.reportIncident).toMatchObject({ status: 'REPORTED', category: 'FRAUD' });
    const { id } = reported.data.reportIncident;
    expect((await graphqlRequest(subgraph.url, MOVE, { variables: { id, status: 'INVESTIGATING' }, token: worker })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await graphqlRequest(subgraph.url, MOVE, { variables: { id, status: 'INVESTIGATING' }, token: staff })).data.updateIncidentStatus.status).toBe('INVESTIGATING');
    const back = await graphqlRequest(subgraph.url, MOVE, { variables: { id, status: 'REPORTED' }, token: staff });
    expect(back.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(back.errors?.[0].message).toContain('allowed from INVESTIGATING: RESOLVED, DISMISSED');
    await graphqlRequest(subgraph.url, MOVE, { variables: { id, status: 'RESOLVED' }, token: staff });
    const [{ status }] = await subgraph.dataSource.query(`SELECT status FROM public_safety.safety_incident WHERE id = $1`, [id]);
    expect(status).toBe('RESOLVED');
    expect((await graphqlRequest(subgraph.url, MOVE, { variables: { id: '00000000-0000-4000-8000-00000000ffff', status: 'RESOLVED' }, token: staff })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Each write is audited under its mutation's name, whatever status it moved to; the refused move left no entry.
    const audits = await subgraph.dataSource.query(`SELECT operation FROM public_safety.audit_log WHERE $1 = ANY(target_ids) ORDER BY id`, [id]);
    expect(audits.map((row: { operation: string }) => row.operation)).toEqual(['reportIncident', 'updateIncidentStatus', 'updateIncidentStatus']);
  });

  it('refuses a worker of another county', async () => {
    expect((await graphqlRequest(subgraph.url, REPORT, { variables: { input: incident }, token: otherWorker })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    [{ ...incident, communityCode: '62010200100' }, 'input.communityCode'],
    [{ ...incident, occurredAt: new Date(Date.now() + 86400_000).toISOString() }, 'input.occurredAt'],
    [{ ...incident, summary: '' }, 'input.summary'],
    [{ ...incident, summary: '受害人电话13912345678' }, 'input.summary'],
  ])('rejects %j naming %s and writes nothing', async (input, argument) => {
    const before = await count('safety_incident');
    const { errors } = await graphqlRequest(subgraph.url, REPORT, { variables: { input }, token: worker });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await count('safety_incident')).toBe(before);
  });

  it('rejects an unknown category through the variables', async () => {
    const { errors } = await graphqlRequest(subgraph.url, REPORT, { variables: { input: { ...incident, category: 'ARSON' } }, token: worker });
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('mediation', () => {
  const OPEN = `mutation ($input: OpenMediationCaseInput!) { openMediationCase(input: $input) { id outcome closedOn } }`;
  const CLOSE = `mutation ($id: ID!, $outcome: MediationOutcome!, $closedOn: String) { closeMediationCase(id: $id, outcome: $outcome, closedOn: $closedOn) { outcome daysToClose } }`;

  it('opens and closes a case once, counting the days', async () => {
    // Twelve China days before China's today: the days to close count in China, whatever the hour in UTC.
    const receivedOn = addDays(chinaToday(), -12);
    const opened = await graphqlRequest(subgraph.url, OPEN, { variables: { input: { communityCode: '620102002002', category: 'NEIGHBOURS', receivedOn, mediator: '刘调解员' } }, token: worker });
    const { id } = opened.data.openMediationCase;
    const early = await graphqlRequest(subgraph.url, CLOSE, { variables: { id, outcome: 'AGREEMENT_REACHED', closedOn: '2001-01-01' }, token: worker });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'closedOn' });
    const closed = await graphqlRequest(subgraph.url, CLOSE, { variables: { id, outcome: 'AGREEMENT_REACHED' }, token: worker });
    expect(closed.data.closeMediationCase).toEqual({ outcome: 'AGREEMENT_REACHED', daysToClose: 12 });
    const again = await graphqlRequest(subgraph.url, CLOSE, { variables: { id, outcome: 'FAILED' }, token: worker });
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const [{ outcome }] = await subgraph.dataSource.query(`SELECT outcome FROM public_safety.mediation_case WHERE id = $1`, [id]);
    expect(outcome).toBe('AGREEMENT_REACHED');
  });

  it('lists a community\'s cases newest first, filtered and paged', async () => {
    const query = `query ($after: String) { _entities(representations: [{ __typename: "Community", code: "620102001001" }]) { ... on Community {
      mediationCases(first: 2, after: $after, filter: { open: false }) { totalCount edges { node { receivedOn } } pageInfo { hasNextPage endCursor } } } } }`;
    const first = await graphqlRequest(subgraph.url, query);
    const page = first.data._entities[0].mediationCases;
    expect(page.totalCount).toBe(3);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await graphqlRequest(subgraph.url, query, { variables: { after: page.pageInfo.endCursor } });
    const rest = second.data._entities[0].mediationCases;
    expect(rest.edges).toHaveLength(1);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const days = [...page.edges, ...rest.edges].map((edge: { node: { receivedOn: string } }) => edge.node.receivedOn);
    expect([...days].sort().reverse()).toEqual(days);
  });
});

describe('police liaison, patrols, legal services and inspections', () => {
  it('assigns a liaison (staff only), ending the previous assignment, and masks the phone for analysts', async () => {
    const ASSIGN = `mutation ($input: AssignPoliceLiaisonInput!) { assignPoliceLiaison(input: $input) { officerName officerPhone until } }`;
    const input = { communityCode: '620102001001', officerName: '周警官', officerPhone: '13700001234', station: '东岗派出所', since: chinaToday() };
    expect((await graphqlRequest(subgraph.url, ASSIGN, { variables: { input }, token: worker })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await graphqlRequest(subgraph.url, ASSIGN, { variables: { input: { ...input, officerPhone: '123' } }, token: staff })).errors?.[0].extensions).toMatchObject({ argument: 'input.officerPhone' });
    const assigned = await graphqlRequest(subgraph.url, ASSIGN, { variables: { input }, token: staff });
    expect(assigned.data.assignPoliceLiaison).toEqual({ officerName: '周警官', officerPhone: '13700001234', until: null });
    const rows = await subgraph.dataSource.query(`SELECT officer_name FROM public_safety.police_liaison WHERE community_code = '620102001001' AND until IS NULL`);
    expect(rows).toEqual([{ officer_name: '周警官' }]);
    const LIAISON = `{ _entities(representations: [{ __typename: "Community", code: "620102001001" }]) { ... on Community { policeLiaison { officerName officerPhone } } } }`;
    const asAnalyst = await graphqlRequest(subgraph.url, LIAISON, { token: testToken() });
    expect(asAnalyst.data._entities[0].policeLiaison).toEqual({ officerName: '周警官', officerPhone: '*******1234' });
    const anonymous = await graphqlRequest(subgraph.url, LIAISON);
    expect(anonymous.data._entities[0].policeLiaison).toEqual({ officerName: '周警官', officerPhone: null });
  });

  it('records a patrol of the community\'s own group, and refuses another community\'s group', async () => {
    const RECORD = `mutation ($input: RecordPatrolInput!) { recordPatrol(input: $input) { hours jointWithPolice } }`;
    const input = { communityCode: '620102001001', groupId: '00000000-0000-4000-8000-000000000001', patrolledOn: chinaToday(), hours: 2, participants: 5, jointWithPolice: true };
    expect((await graphqlRequest(subgraph.url, RECORD, { variables: { input }, token: worker })).data.recordPatrol).toEqual({ hours: 2, jointWithPolice: true });
    const wrong = await graphqlRequest(subgraph.url, RECORD, { variables: { input: { ...input, communityCode: '620102001002' } }, token: worker });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.groupId' });
    const unknown = await graphqlRequest(subgraph.url, RECORD, { variables: { input: { ...input, communityCode: '620102001002', groupId: '00000000-0000-4000-8000-00000000ffff' } }, token: worker });
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
    expect(wrong.errors?.[0].message).not.toContain('620102001001');
    const zero = await graphqlRequest(subgraph.url, RECORD, { variables: { input: { ...input, hours: 0 } }, token: worker });
    expect(zero.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.hours' });
  });

  it('records a legal service and rejects a negative reach', async () => {
    const RECORD = `mutation ($input: RecordLegalServiceInput!) { recordLegalService(input: $input) { kind peopleReached } }`;
    const input = { communityCode: '620102001003', kind: 'EDUCATION_SESSION', heldOn: chinaToday(), peopleReached: 40, topic: '宪法宣传' };
    expect((await graphqlRequest(subgraph.url, RECORD, { variables: { input }, token: worker })).data.recordLegalService).toEqual({ kind: 'EDUCATION_SESSION', peopleReached: 40 });
    const bad = await graphqlRequest(subgraph.url, RECORD, { variables: { input: { ...input, peopleReached: -1 } }, token: worker });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.peopleReached' });
  });

  it('records an inspection with hazards and fixes one once', async () => {
    const RECORD = `mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id hazardsFound hazardsFixed hazards { id } } }`;
    const FIX = `mutation ($id: ID!) { fixHazard(id: $id) { fixedOn } }`;
    const input = { communityCode: '620102002002', targetKind: 'COMMERCIAL_AREA', targetName: '团结商业街', inspectedOn: chinaToday(), hazards: ['电线私拉乱接', '消防栓损坏'] };
    const recorded = (await graphqlRequest(subgraph.url, RECORD, { variables: { input }, token: worker })).data.recordInspection;
    expect(recorded).toMatchObject({ hazardsFound: 2, hazardsFixed: 0 });
    const hazardId = recorded.hazards[0].id;
    expect((await graphqlRequest(subgraph.url, FIX, { variables: { id: hazardId }, token: otherWorker })).errors?.[0]).toMatchObject({
      message: `hazard ${hazardId} does not exist`,
      extensions: { code: 'NOT_FOUND' },
    });
    expect((await graphqlRequest(subgraph.url, FIX, { variables: { id: hazardId }, token: worker })).data.fixHazard.fixedOn).toBe(chinaToday());
    expect((await graphqlRequest(subgraph.url, FIX, { variables: { id: hazardId }, token: worker })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const empty = await graphqlRequest(subgraph.url, RECORD, { variables: { input: { ...input, hazards: ['ok', ''] } }, token: worker });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.hazards.1' });
  });
});
