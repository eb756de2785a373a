import { definePolicy } from '@shequ/kit';

const organiserSide = { roles: ['community_worker', 'department_staff'], department: 'volunteers' } as const;
const organiserSideOrSelf = { ...organiserSide, owner: 'also' } as const;

/**
 * Who may do what in the volunteers subgraph. Every rule also requires the
 * target's community to lie within the viewer's jurisdiction; admins pass
 * every rule. Rules with `owner: 'also'` also let the volunteer act for
 * themself (the token's `sub` equals the volunteer's account), whatever
 * their role — see `common/self-or-policy.ts`.
 *
 * - the volunteer themself may: signUp, redeemHours, read their record, personal data and hour balance.
 * - an organisation's rule is checked against the communities it serves:
 *   registering needs every one of them, advancing needs any one.
 * - the audit log is for admins, wherever they sit.
 */
export const volunteersPolicy = definePolicy({
  registerVolunteer: organiserSide,
  updateVolunteer: organiserSide,
  createTeam: organiserSide,
  joinTeam: organiserSide,
  createActivity: organiserSide,
  signUp: organiserSideOrSelf,
  recordAttendance: organiserSide,
  confirmHours: organiserSide,
  redeemHours: organiserSideOrSelf,
  registerOrganization: { roles: ['department_staff'], department: 'volunteers' },
  advanceOrganizationStage: { roles: ['department_staff'], department: 'volunteers' },
  /** Volunteer.name / phone / idNumber unmasked (also the volunteer themself). */
  readVolunteerPersonalData: { roles: ['department_staff'], department: 'volunteers', owner: 'also' },
  /** Volunteer.hourBalance (also the volunteer themself). */
  readVolunteerHours: organiserSideOrSelf,
  /** Lists and single records of volunteers (personal fields masked per the rule above); a volunteer may read their own record. */
  readVolunteers: { roles: ['community_worker', 'department_staff', 'analyst'], department: 'volunteers', owner: 'also' },
  readAuditLog: { roles: ['admin'], withinJurisdiction: false },
});

export type VolunteersOperation = keyof typeof volunteersPolicy;
