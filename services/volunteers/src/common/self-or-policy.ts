import { authorize, isAllowed, type Viewer } from '@shequ/kit';
import { volunteersPolicy, type VolunteersOperation } from '../access-policy';

/** True when the viewer is the volunteer whose account is `accountSub`. */
export function isSelf(viewer: Viewer | null, accountSub: string | null): boolean {
  return !!viewer && !!accountSub && viewer.sub === accountSub;
}

/** Lets the volunteer act for themself; anyone else must pass the policy rule for the volunteer's community. */
export function selfOrAuthorize(operation: VolunteersOperation, viewer: Viewer | null, volunteer: { accountSub: string | null; communityCode: string }): void {
  if (!isSelf(viewer, volunteer.accountSub)) {
    authorize(volunteersPolicy, operation, viewer, volunteer.communityCode);
  }
}

export function selfOrAllowed(operation: VolunteersOperation, viewer: Viewer | null, volunteer: { accountSub: string | null; communityCode: string }): boolean {
  return isSelf(viewer, volunteer.accountSub) || isAllowed(volunteersPolicy, operation, viewer, volunteer.communityCode);
}
