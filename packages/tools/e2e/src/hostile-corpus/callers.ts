import { DEPARTMENTS, type Department } from '@shequ/kit';
import { testToken } from '@shequ/kit/testing';

/** Each department's staff for the whole province: allowed every write of their department, so only the input can fail. */
export const staff = staffOf('620000', 'corpus');

export const analyst = testToken({ sub: 'corpus-analyst', roles: ['analyst'], jurisdiction: '620000' });
export const admin = testToken({ sub: 'corpus-admin', roles: ['admin'], jurisdiction: '620000' });

/** The resident who submitted the fixture's resolved, unrated request 10 (community 620103001001). */
export const ratingResident = testToken({ sub: 'resident-10', roles: ['resident'], jurisdiction: '620103001001' });

/** The same departments' staff, but for Jiayuguan (620200): every fixture target lies outside. */
export const otherJurisdiction = staffOf('620200', 'corpus-out');

function staffOf(jurisdiction: string, prefix: string): Record<Department, string> {
  return Object.fromEntries(
    DEPARTMENTS.map((department) => [department, testToken({ sub: `${prefix}-${department}`, roles: ['department_staff'], department, jurisdiction })]),
  ) as Record<Department, string>;
}
