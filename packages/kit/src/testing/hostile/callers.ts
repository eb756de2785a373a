import { DEPARTMENTS, type Department } from '../../auth/viewer';
import { testToken } from '../test-subgraph';

/** The hostile corpus's callers. Each department's staff for the whole province: allowed every write of their department, so only the input can fail. */
export const staff = staffOf('620000', 'corpus');

export const analyst = testToken({ sub: 'corpus-analyst', roles: ['analyst'], jurisdiction: '620000' });
export const admin = testToken({ sub: 'corpus-admin', roles: ['admin'], jurisdiction: '620000' });

/** The same departments' staff, but for Jiayuguan (620200): every fixture target lies outside. */
export const otherJurisdiction = staffOf('620200', 'corpus-out');

function staffOf(jurisdiction: string, prefix: string): Record<Department, string> {
  return Object.fromEntries(
    DEPARTMENTS.map((department) => [department, testToken({ sub: `${prefix}-${department}`, roles: ['department_staff'], department, jurisdiction })]),
  ) as Record<Department, string>;
}
