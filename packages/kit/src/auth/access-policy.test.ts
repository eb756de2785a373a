import { authorize, authorizedRecord, definePolicy, isAllowed, readableRecord, refusal } from './access-policy';
import type { Viewer } from './viewer';

const policy = definePolicy({
  submit: { roles: ['resident', 'community_worker'] },
  move: { roles: ['community_worker', 'department_staff'], department: 'service-delivery' },
  readAnywhere: { roles: ['analyst'], withinJurisdiction: false },
  restricted: { roles: ['department_staff'], department: 'public-safety', admins: false },
  readOwn: { roles: ['department_staff'], department: 'volunteers', owner: 'also' },
  rate: { roles: ['resident'], owner: 'only' },
  enrol: { roles: ['community_worker'], parties: ['activity', 'volunteer'] },
  enrolSelf: { roles: ['community_worker'], owner: 'also', parties: ['activity', 'volunteer'] },
  publish: { roles: ['analyst'], withinJurisdiction: false, parties: ['regions'] },
});

const viewer = (roles: Viewer['roles'], jurisdiction = '620102', department: Viewer['department'] = null): Viewer => ({
  sub: 'u',
  roles,
  jurisdiction,
  department,
});

function codeOf(action: () => unknown): unknown {
  try {
    action();
    return 'allowed';
  } catch (error) {
    return (error as { extensions: { code: unknown } }).extensions.code;
  }
}

describe('access policies', () => {
  it.each([
    ['anonymous', null, 'submit', '620102001001', 'UNAUTHENTICATED'],
    ['a resident in jurisdiction', viewer(['resident'], '620102001001'), 'submit', '620102001001', 'allowed'],
    ['a resident of another community', viewer(['resident'], '620102001001'), 'submit', '620102001002', 'FORBIDDEN'],
    ['a worker of the county', viewer(['community_worker']), 'move', '620102001001', 'allowed'],
    ['a worker of another county', viewer(['community_worker'], '620103'), 'move', '620102001001', 'FORBIDDEN'],
    ['staff of the department', viewer(['department_staff'], '620100', 'service-delivery'), 'move', '620102001001', 'allowed'],
    ['staff of another department', viewer(['department_staff'], '620100', 'public-safety'), 'move', '620102001001', 'FORBIDDEN'],
    ['an analyst', viewer(['analyst']), 'move', '620102001001', 'FORBIDDEN'],
    ['an admin of the province', viewer(['admin'], '620000'), 'move', '620102001001', 'allowed'],
    ['an admin of another prefecture', viewer(['admin'], '620200'), 'move', '620102001001', 'FORBIDDEN'],
    ['an analyst outside jurisdiction where it does not matter', viewer(['analyst'], '620200'), 'readAnywhere', '620102001001', 'allowed'],
    ['an admin, for records admins may not read', viewer(['admin'], '620000'), 'restricted', '620102001001', 'FORBIDDEN'],
    ['public-safety staff, for those records', viewer(['department_staff'], '620100', 'public-safety'), 'restricted', '620102001001', 'allowed'],
  ] as const)('%s: %s → %s', (_label, who, operation, code, expected) => {
    expect(codeOf(() => authorize(policy, operation, who, code))).toBe(expected);
    expect(isAllowed(policy, operation, who, code)).toBe(expected === 'allowed');
  });

  it.each([
    ['the owner, without the role', viewer(['resident'], '620102001001'), 'readOwn', 'u', 'allowed'],
    ['the owner, outside the jurisdiction', viewer(['resident'], '620201001001'), 'readOwn', 'u', 'allowed'],
    ['someone else without the role', viewer(['resident'], '620102001001'), 'readOwn', 'other', 'FORBIDDEN'],
    ['someone else with the role', viewer(['department_staff'], '620100', 'volunteers'), 'readOwn', 'other', 'allowed'],
    ['the owner with the role', viewer(['resident'], '620102001001'), 'rate', 'u', 'allowed'],
    ['another resident of the community', viewer(['resident'], '620102001001'), 'rate', 'other', 'FORBIDDEN'],
    ['an admin who is not the owner', viewer(['admin'], '620000'), 'rate', 'other', 'FORBIDDEN'],
    ['the owner outside the jurisdiction', viewer(['resident'], '620201001001'), 'rate', 'u', 'FORBIDDEN'],
  ] as const)('owner rules: %s', (_label, who, operation, owner, expected) => {
    expect(codeOf(() => authorize(policy, operation, who, '620102001001', owner))).toBe(expected);
    expect(isAllowed(policy, operation, who, '620102001001', owner)).toBe(expected === 'allowed');
  });

  it('asks an anonymous caller to sign in even for owner rules', () => {
    expect(codeOf(() => authorize(policy, 'readOwn', null, '620102001001', 'u'))).toBe('UNAUTHENTICATED');
  });

  describe('rules naming several parties', () => {
    const worker = viewer(['community_worker'], '620102');
    const inside = '620102001001';
    const outside = '620201001001';

    it.each([
      ['both parties inside', worker, 'enrol', { activity: inside, volunteer: inside }, undefined, 'allowed'],
      ['the volunteer outside', worker, 'enrol', { activity: inside, volunteer: outside }, undefined, 'FORBIDDEN'],
      ['the activity outside', worker, 'enrol', { activity: outside, volunteer: inside }, undefined, 'FORBIDDEN'],
      ['one of several volunteers outside', worker, 'enrol', { activity: inside, volunteer: [inside, outside] }, undefined, 'FORBIDDEN'],
      ['every one of several volunteers inside', worker, 'enrol', { activity: inside, volunteer: [inside, '620102002001'] }, undefined, 'allowed'],
      ['an admin over both', viewer(['admin'], '620000'), 'enrol', { activity: inside, volunteer: outside }, undefined, 'allowed'],
      ['the volunteer themself, outside', viewer(['resident'], outside), 'enrolSelf', { activity: inside, volunteer: outside }, 'u', 'allowed'],
      ['someone else, the volunteer outside', worker, 'enrolSelf', { activity: inside, volunteer: outside }, 'other', 'FORBIDDEN'],
      ['a rule without jurisdiction', viewer(['analyst'], '620200'), 'publish', { regions: [inside, outside] }, undefined, 'allowed'],
    ] as const)('%s', (_label, who, operation, target, owner, expected) => {
      expect(codeOf(() => authorize(policy, operation, who, target, owner))).toBe(expected);
      expect(isAllowed(policy, operation, who, target, owner)).toBe(expected === 'allowed');
    });

    it('names the code and the party outside the jurisdiction', () => {
      expect(() => authorize(policy, 'enrol', worker, { activity: inside, volunteer: outside })).toThrow(`enrol: ${outside} (the volunteer) is outside your jurisdiction 620102`);
    });

    it.each([
      ['a single code', inside],
      ['a party missing', { activity: inside }],
      ['a party the rule does not name', { activity: inside, volunteer: inside, team: inside }],
    ])('refuses to check %s against a rule with parties, so no party goes unchecked', (_label, target) => {
      expect(() => refusal(policy, 'enrol', worker, target)).toThrow('enrol names the parties activity, volunteer');
    });

    it('refuses parties for a rule that names none', () => {
      expect(() => refusal(policy, 'submit', worker, { activity: inside })).toThrow('submit names the parties (none)');
    });
  });
});

describe('records looked up by id', () => {
  type Row = { id: string; communityCode: string; ownerSub: string };
  const row: Row = { id: 'r1', communityCode: '620102001001', ownerSub: 'owner' };
  const scope = (record: Row) => ({ code: record.communityCode, ownerSub: record.ownerSub });
  const answer = (action: () => unknown): { code: unknown; message: string } | 'allowed' => {
    try {
      action();
      return 'allowed';
    } catch (error) {
      return { code: (error as { extensions: { code: unknown } }).extensions.code, message: (error as Error).message };
    }
  };
  const write = (operation: keyof typeof policy, who: Viewer | null, record: Row | null) => answer(() => authorizedRecord(policy, operation, who, record, 'record r1', scope));

  it.each([
    ['a worker of another county', viewer(['community_worker'], '620103'), 'move'],
    ['an admin of another prefecture', viewer(['admin'], '620200'), 'move'],
    ['a resident rating someone else’s record', viewer(['resident'], '620102001001'), 'rate'],
    ['a signed-in stranger to an owner rule', viewer(['resident'], '620102001001'), 'readOwn'],
  ] as const)('answers %s exactly as an unknown id', (_label, who, operation) => {
    const outOfReach = write(operation, who, row);
    expect(outOfReach).toEqual({ code: 'NOT_FOUND', message: 'record r1 does not exist' });
    expect(outOfReach).toEqual(write(operation, who, null));
    expect(JSON.stringify(outOfReach)).not.toMatch(/620102|620103|620200|jurisdiction/);
  });

  it('refuses a missing role or token alike for a known and an unknown id', () => {
    expect(write('move', viewer(['analyst']), row)).toMatchObject({ code: 'FORBIDDEN' });
    expect(write('move', viewer(['analyst']), row)).toEqual(write('move', viewer(['analyst']), null));
    expect(write('move', null, row)).toEqual({ code: 'UNAUTHENTICATED', message: 'sign in to move' });
    expect(write('move', null, null)).toEqual({ code: 'UNAUTHENTICATED', message: 'sign in to move' });
  });

  it('passes the allowed, and the owner under an owner rule', () => {
    expect(write('move', viewer(['community_worker']), row)).toBe('allowed');
    expect(write('readOwn', { ...viewer(['resident'], '620201001001'), sub: 'owner' }, row)).toBe('allowed');
  });

  it('reads an out-of-reach record as null, like an unknown id', () => {
    expect(readableRecord(policy, 'move', viewer(['community_worker'], '620103'), row, scope)).toBeNull();
    expect(readableRecord(policy, 'move', viewer(['community_worker']), row, scope)).toBe(row);
    expect(answer(() => readableRecord(policy, 'move', viewer(['analyst']), row, scope))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
