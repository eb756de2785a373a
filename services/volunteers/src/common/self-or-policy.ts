import { authorize, isAllowed, type Viewer } from '@shequ/kit';
import { volunteersPolicy, type VolunteersOperation } from '../access-policy';

/**
 * The policy's rule for a volunteer's record: the volunteer's account is the
 * record's owner, so rules with `owner: 'also'` let the volunteer act for
 * themself; anyone else must pass the rule for the volunteer's community.
 */
export function selfOrAuthorize(operation: VolunteersOperation, viewer: Viewer | null, volunteer: { accountSub: string | null; communityCode: string }): void {
  authorize(volunteersPolicy, operation, viewer, volunteer.communityCode, volunteer.accountSub);
}

export function selfOrAllowed(operation: VolunteersOperation, viewer: Viewer | null, volunteer: { accountSub: string | null; communityCode: string }): boolean {
  return isAllowed(volunteersPolicy, operation, viewer, volunteer.communityCode, volunteer.accountSub);
}
