import { definePolicy } from '@shequ/kit';

const organiserSide = { roles: ['community_worker', 'department_staff'], department: 'volunteers' } as const;

/**
 * Who may do what in the volunteers subgraph. Every rule also requires the
 * target's community to lie within the viewer's jurisdiction; admins pass
 * every rule. Some operations also let the volunteer act for themself (the
 * token's `sub` equals the volunteer's account): the resolvers check that
 * before falling back to the rule — see `selfOrAuthorize`.
 *
 * - the volunteer themself may: signUp, redeemHours, read their personal data and hour balance.
 * - an organisation's rule is checked against the communities it serves:
 *   registering needs every one of them, advancing needs any one.
 */
export const volunteersPolicy = definePolicy({
  registerVolunteer: organiserSide,
  updateVolunteer: organiserSide,
  createTeam: organiserSide,
  joinTeam: organiserSide,
  createActivity: organiserSide,
  signUp: organiserSide,
  recordAttendance: organiserSide,
  confirmHours: organiserSide,
  redeemHours: organiserSide,
  registerOrganization: { roles: ['department_staff'], department: 'volunteers' },
  advanceOrganizationStage: { roles: ['department_staff'], department: 'volunteers' },
  /** Volunteer.name / phone / idNumber unmasked (also the volunteer themself). */
  readVolunteerPersonalData: { roles: ['department_staff'], department: 'volunteers' },
  /** Volunteer.hourBalance, hourRedemptions and serviceRecords (also the volunteer themself). */
  readVolunteerHours: organiserSide,
  /** Lists and single records of volunteers (personal fields masked per the rule above). */
  readVolunteers: { roles: ['community_worker', 'department_staff', 'analyst'], department: 'volunteers' },
});

export type VolunteersOperation = keyof typeof volunteersPolicy;
