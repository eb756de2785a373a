import { testToken } from '@shequ/kit/testing';

/** Department staff for the whole province: allowed every write of their department, so only the input can fail. */
export const staff = {
  governance: testToken({ sub: 'corpus-governance', roles: ['department_staff'], department: 'governance', jurisdiction: '620000' }),
  serviceDelivery: testToken({ sub: 'corpus-service-delivery', roles: ['department_staff'], department: 'service-delivery', jurisdiction: '620000' }),
  volunteers: testToken({ sub: 'corpus-volunteers', roles: ['department_staff'], department: 'volunteers', jurisdiction: '620000' }),
  publicSafety: testToken({ sub: 'corpus-public-safety', roles: ['department_staff'], department: 'public-safety', jurisdiction: '620000' }),
};

export const analyst = testToken({ sub: 'corpus-analyst', roles: ['analyst'], jurisdiction: '620000' });
export const admin = testToken({ sub: 'corpus-admin', roles: ['admin'], jurisdiction: '620000' });

/** The resident who submitted the fixture's resolved, unrated request 10 (community 620103001001). */
export const ratingResident = testToken({ sub: 'resident-10', roles: ['resident'], jurisdiction: '620103001001' });

/** The same departments' staff, but for Jiayuguan (620200): every fixture target lies outside. */
export const otherJurisdiction = {
  governance: testToken({ sub: 'corpus-out-governance', roles: ['department_staff'], department: 'governance', jurisdiction: '620200' }),
  serviceDelivery: testToken({ sub: 'corpus-out-service-delivery', roles: ['department_staff'], department: 'service-delivery', jurisdiction: '620200' }),
  volunteers: testToken({ sub: 'corpus-out-volunteers', roles: ['department_staff'], department: 'volunteers', jurisdiction: '620200' }),
  publicSafety: testToken({ sub: 'corpus-out-public-safety', roles: ['department_staff'], department: 'public-safety', jurisdiction: '620200' }),
};
