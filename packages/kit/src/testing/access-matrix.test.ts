import { definePolicy } from '../auth/access-policy';
import { DEPARTMENTS } from '../auth/viewer';
import { actualOutcome, expectedOutcome, matrixViewers, matrixViewerSub, mutationFieldsOf, rootFieldsOf, UNKNOWN_RECORD_ID, withUnknownId, type MatrixCase, type MatrixViewer } from './access-matrix';

const policy = definePolicy({
  write: { roles: ['community_worker'] },
  readPhone: { roles: ['department_staff'], department: 'volunteers', owner: 'also' },
  readRecord: { roles: ['community_worker', 'department_staff'] },
  enrol: { roles: ['community_worker', 'department_staff'], department: 'volunteers', owner: 'also', parties: ['activity', 'volunteer'] },
  writePast: { roles: ['department_staff'], department: 'volunteers' },
});
const callers = new Map(matrixViewers().map((caller): [string, MatrixViewer] => [caller.label, caller]));
const caller = (label: string): MatrixViewer => callers.get(label) as MatrixViewer;

const write: MatrixCase = { subgraph: 'probe', policy, operation: 'write', targetCode: '620102001001', query: 'mutation { write }' };
const RECORD = '00000000-0000-4000-8000-000000000042';
const phone: MatrixCase = {
  ...write,
  operation: 'readPhone',
  query: '{ record { phone } }',
  read: { path: ['record', 'phone'], refusedAs: 'maskPhone', plain: '13812345678', gate: 'readRecord' },
};

describe('the matrix callers', () => {
  it('are every role inside and outside 620102001001, department staff once per department', () => {
    const labels = [...callers.keys()];
    expect(labels.filter((label) => label.endsWith(' staff inside')).map((label) => label.replace(' staff inside', ''))).toEqual(DEPARTMENTS);
    expect(labels.filter((label) => !label.includes(' staff '))).toEqual([
      'anonymous', 'resident inside', 'resident outside', 'community worker inside', 'community worker outside', 'analyst inside', 'analyst outside', 'admin inside', 'admin outside',
    ]);
    expect(callers.size).toBe(9 + 2 * DEPARTMENTS.length);
    expect(caller('resident inside').viewer?.sub).toBe(matrixViewerSub('resident inside'));
    expect(caller('anonymous').token).toBeUndefined();
  });
});

describe('expectedOutcome', () => {
  it('reads a write rule', () => {
    expect(expectedOutcome(write, caller('anonymous'))).toBe('UNAUTHENTICATED');
    expect(expectedOutcome(write, caller('community worker inside'))).toBe('allowed');
    expect(expectedOutcome(write, caller('community worker outside'))).toBe('FORBIDDEN');
  });

  it('reads a protected field: the gate first, then plain or masked', () => {
    expect(expectedOutcome(phone, caller('resident inside'))).toBe('FORBIDDEN');
    expect(expectedOutcome(phone, caller('community worker inside'))).toBe('masked');
    expect(expectedOutcome(phone, caller('volunteers staff inside'))).toBe('plain');
    expect(expectedOutcome({ ...phone, read: { ...phone.read!, refusedAs: 'null' } }, caller('community worker inside'))).toBe('withheld');
  });

  it('reads a masked field as withheld for an anonymous caller when the gate lets them through', () => {
    const open = { ...phone, read: { ...phone.read!, gate: undefined } };
    expect(expectedOutcome(open, caller('anonymous'))).toBe('withheld');
    expect(expectedOutcome(open, caller('resident inside'))).toBe('masked');
  });

  it('expects a record named by id to answer as an unknown id out of reach, and a missing role to stay FORBIDDEN', () => {
    const byId = { ...write, recordId: RECORD };
    expect(expectedOutcome(byId, caller('community worker outside'))).toBe('as unknown id');
    expect(expectedOutcome(byId, caller('admin outside'))).toBe('as unknown id');
    expect(expectedOutcome(byId, caller('analyst inside'))).toBe('FORBIDDEN');
    expect(expectedOutcome(byId, caller('anonymous'))).toBe('UNAUTHENTICATED');
    expect(expectedOutcome(byId, caller('community worker inside'))).toBe('allowed');
  });

  it('reads a rule naming two parties: each must lie within the jurisdiction, unless the caller owns the record', () => {
    const enrol: MatrixCase = { ...write, operation: 'enrol', targetCode: { activity: '620102001001', volunteer: '620201001001' }, ownerSub: matrixViewerSub('resident outside') };
    expect(expectedOutcome(enrol, caller('community worker inside'))).toBe('FORBIDDEN');
    expect(expectedOutcome(enrol, caller('community worker outside'))).toBe('FORBIDDEN');
    expect(expectedOutcome(enrol, caller('volunteers staff inside'))).toBe('FORBIDDEN');
    expect(expectedOutcome(enrol, caller('admin inside'))).toBe('allowed');
    expect(expectedOutcome(enrol, caller('resident outside'))).toBe('allowed');
    expect(expectedOutcome(enrol, caller('resident inside'))).toBe('FORBIDDEN');
  });

  it('reads an input rule: the gate first, then BAD_USER_INPUT for whom the rule refuses', () => {
    const past: MatrixCase = { ...write, operation: 'writePast', inputRule: { gate: 'write', argument: 'input.startsAt' } };
    expect(expectedOutcome(past, caller('anonymous'))).toBe('UNAUTHENTICATED');
    expect(expectedOutcome(past, caller('community worker outside'))).toBe('FORBIDDEN');
    expect(expectedOutcome(past, caller('community worker inside'))).toBe('BAD_USER_INPUT');
    expect(expectedOutcome(past, caller('admin inside'))).toBe('allowed');
  });

  it('lets the owner through an owner rule', () => {
    const owned = { ...phone, ownerSub: matrixViewerSub('community worker inside') };
    expect(expectedOutcome(owned, caller('community worker inside'))).toBe('plain');
  });
});

describe('actualOutcome', () => {
  const error = (code: string) => ({ message: code, extensions: { code } });

  it('counts any error after authorisation as allowed for a write', () => {
    expect(actualOutcome(write, { errors: [error('BAD_USER_INPUT')] })).toBe('allowed');
    expect(actualOutcome(write, { errors: [error('FORBIDDEN')] })).toBe('FORBIDDEN');
    expect(actualOutcome(write, { errors: [error('UNAUTHENTICATED')] })).toBe('UNAUTHENTICATED');
  });

  it("takes BAD_USER_INPUT for an input rule's refusal only when it names the rule's argument", () => {
    const past: MatrixCase = { ...write, operation: 'writePast', inputRule: { gate: 'write', argument: 'input.startsAt' } };
    const invalid = (argument: string) => ({ message: argument, extensions: { code: 'BAD_USER_INPUT', argument } });
    expect(actualOutcome(past, { errors: [invalid('input.startsAt')] })).toBe('BAD_USER_INPUT');
    expect(actualOutcome(past, { errors: [invalid('input.title')] })).toBe('allowed');
    expect(actualOutcome(write, { errors: [invalid('input.startsAt')] })).toBe('allowed');
    expect(actualOutcome(past, { errors: [error('FORBIDDEN')] })).toBe('FORBIDDEN');
  });

  it('tells plain from masked by the kit masks, and reports anything else', () => {
    expect(actualOutcome(phone, { data: { record: { phone: '13812345678' } } })).toBe('plain');
    expect(actualOutcome(phone, { data: { record: { phone: '*******5678' } } })).toBe('masked');
    expect(actualOutcome(phone, { data: { record: { phone: null } } })).toBe('withheld');
    expect(actualOutcome(phone, { data: { record: { phone: '1381234567*' } } })).toMatch(/^unexpected value/);
  });

  it('tells an answer that matches the unknown id’s from one that only shares its code', () => {
    const byId: MatrixCase = { ...write, query: `mutation { write(id: "${RECORD}") }`, recordId: RECORD };
    expect(withUnknownId(byId, caller('community worker outside')).query).toBe(`mutation { write(id: "${UNKNOWN_RECORD_ID}") }`);
    const missing = (id: string) => ({ data: null, errors: [{ message: `record ${id} does not exist`, path: ['write'], extensions: { code: 'NOT_FOUND' } }] });
    expect(actualOutcome(byId, missing(RECORD), missing(UNKNOWN_RECORD_ID), caller('community worker outside'))).toBe('as unknown id');
    const telling = { data: null, errors: [{ message: `record ${RECORD} is outside your jurisdiction 620201`, path: ['write'], extensions: { code: 'NOT_FOUND' } }] };
    expect(actualOutcome(byId, telling, missing(UNKNOWN_RECORD_ID), caller('community worker outside'))).toBe('allowed');
    expect(actualOutcome(byId, { data: { write: true } }, missing(UNKNOWN_RECORD_ID), caller('community worker outside'))).toBe('allowed');
  });

  it('reports an error on a protected read instead of taking it for a mask', () => {
    expect(actualOutcome(phone, { data: { record: null }, errors: [error('INTERNAL_SERVER_ERROR')] })).toMatch(/^error INTERNAL_SERVER_ERROR/);
  });
});

describe('coverage helpers', () => {
  it('lists root fields by name, aliases resolved', () => {
    expect(rootFieldsOf('mutation ($i: X!) { done: write(input: $i) { id } other }')).toEqual([
      { operation: 'mutation', field: 'write' },
      { operation: 'mutation', field: 'other' },
    ]);
  });

  it("lists a schema's mutations", () => {
    expect(mutationFieldsOf('type Query { a: Int } type Mutation { write: Int other(id: ID): Int }')).toEqual(['write', 'other']);
  });
});
