import { definePolicy } from '@shequ/kit';

/**
 * Who may change governance data: governance staff and admins, each within
 * their jurisdiction (the plan's region, the project's community, the
 * designated unit). Everything governance serves is public and aggregate,
 * except its audit log, which admins read wherever they sit.
 */
export const governancePolicy = definePolicy({
  draftPlan: { roles: ['department_staff'], department: 'governance' },
  changePlanStatus: { roles: ['department_staff'], department: 'governance' },
  editPlan: { roles: ['department_staff'], department: 'governance' },
  recordTargetProgress: { roles: ['department_staff'], department: 'governance' },
  registerPracticalProject: { roles: ['department_staff', 'community_worker'], department: 'governance' },
  changePracticalProjectStatus: { roles: ['department_staff', 'community_worker'], department: 'governance' },
  designateDemonstrationUnit: { roles: ['department_staff'], department: 'governance' },
  readAuditLog: { roles: ['admin'], withinJurisdiction: false },
});

export type GovernanceOperation = keyof typeof governancePolicy;
