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
 * - a write that names two records checks both communities (`parties`):
 *   crediting hours to a volunteer is a write on the volunteer too, so an
 *   activity in one's jurisdiction does not reach volunteers outside it.
 * - the volunteer themself may: signUp, redeemHours, read their record, personal data and hour balance.
 * - an organisation's rule is checked against the communities it serves:
 *   registering needs every one of them, advancing needs any one.
 * - only the department enters activities that have already started (paper
 *   records): for anyone else such a start is BAD_USER_INPUT, so hours
 *   cannot be credited for an activity made up after the fact.
 * - the audit log is for admins, wherever they sit.
 */
export const volunteersPolicy = definePolicy({
  registerVolunteer: organiserSide,
  updateVolunteer: organiserSide,
  createTeam: organiserSide,
  joinTeam: { ...organiserSide, parties: ['team', 'volunteer'] },
  createActivity: organiserSide,
  /** createActivity with a start already past (more than the clock skew allowed); refused as BAD_USER_INPUT on input.startsAt. */
  recordPastActivity: { roles: ['department_staff'], department: 'volunteers' },
  signUp: { ...organiserSideOrSelf, parties: ['activity', 'volunteer'] },
  recordAttendance: { ...organiserSide, parties: ['activity', 'volunteer'] },
  confirmHours: { ...organiserSide, parties: ['activity', 'volunteer'] },
  redeemHours: organiserSideOrSelf,
  registerOrganization: { roles: ['department_staff'], department: 'volunteers', parties: ['community'] },
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
