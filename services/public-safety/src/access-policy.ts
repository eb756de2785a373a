import { definePolicy } from '@shequ/kit';

/**
 * Who may do what in public safety. Every rule is checked against the
 * target's community code (the viewer's jurisdiction must cover it).
 *
 * - Community workers record the everyday work they witness in their own
 *   communities (patrols, incidents, mediation, legal services, inspections,
 *   fixed hazards); public-safety staff do too.
 * - Only public-safety staff assign police liaisons, move an incident's
 *   status, and register or change supervised persons.
 * - Supervised persons' rows are readable by public-safety staff only:
 *   those rules set `admins: false`, so an admin is refused unless they are
 *   also public-safety staff.
 * - The audit log is admin-only (admins audit; they do not read the rows).
 * - A liaison officer's phone number is shown to residents, community workers
 *   and public-safety staff of the community; others see it masked.
 */
export const publicSafetyPolicy = definePolicy({
  assignPoliceLiaison: { roles: ['department_staff'], department: 'public-safety' },
  recordPatrol: { roles: ['community_worker', 'department_staff'], department: 'public-safety' },
  reportIncident: { roles: ['community_worker', 'department_staff'], department: 'public-safety' },
  updateIncidentStatus: { roles: ['department_staff'], department: 'public-safety' },
  openMediationCase: { roles: ['community_worker', 'department_staff'], department: 'public-safety' },
  closeMediationCase: { roles: ['community_worker', 'department_staff'], department: 'public-safety' },
  recordLegalService: { roles: ['community_worker', 'department_staff'], department: 'public-safety' },
  recordInspection: { roles: ['community_worker', 'department_staff'], department: 'public-safety' },
  fixHazard: { roles: ['community_worker', 'department_staff'], department: 'public-safety' },
  registerSupervisedPerson: { roles: ['department_staff'], department: 'public-safety', admins: false },
  updateAssistancePlan: { roles: ['department_staff'], department: 'public-safety', admins: false },
  readSupervisedPersons: { roles: ['department_staff'], department: 'public-safety', admins: false },
  readAuditLog: { roles: ['admin'], withinJurisdiction: false },
  readPoliceLiaisonPhone: { roles: ['resident', 'community_worker', 'department_staff'] },
});

export type PublicSafetyOperation = keyof typeof publicSafetyPolicy;
