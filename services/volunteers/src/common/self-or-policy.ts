import { isAllowed, type Viewer } from '@shequ/kit';
import { volunteersPolicy, type VolunteersOperation } from '../access-policy';

/**
 * A volunteer's record as the policy sees it: the volunteer's account is the
 * record's owner, so rules with `owner: 'also'` let the volunteer act for
 * themself; anyone else must pass the rule for the volunteer's community.
 */
export function volunteerScope(volunteer: { accountSub: string | null; communityCode: string }): { code: string; ownerSub: string | null } {
  return { code: volunteer.communityCode, ownerSub: volunteer.accountSub };
}

export function selfOrAllowed(operation: VolunteersOperation, viewer: Viewer | null, volunteer: { accountSub: string | null; communityCode: string }): boolean {
  return isAllowed(volunteersPolicy, operation, viewer, volunteer.communityCode, volunteer.accountSub);
}
