import { authorizedRecord, type Viewer } from '@shequ/kit';
import type { EntityManager } from 'typeorm';
import { volunteersPolicy } from '../access-policy';
import { Volunteer } from '../volunteer/volunteer.entity';

type TwoPartyOperation = 'signUp' | 'recordAttendance' | 'joinTeam';

/**
 * Loads the two parties of a write that names a volunteer and a record of a
 * community (an activity, a team) and authorises the write on both
 * communities. A party missing or out of the caller's reach answers as that
 * party unknown (NOT_FOUND), the volunteer first; the volunteer's own account
 * counts as the record's owner where the rule lets owners through.
 */
export async function authorizedVolunteerAndRecord<Row extends { communityCode: string }>(
  manager: EntityManager,
  viewer: Viewer | null,
  operation: TwoPartyOperation,
  volunteerId: string,
  record: { party: 'activity' | 'team'; id: string; load: () => Promise<Row | null> },
): Promise<{ volunteer: Volunteer; record: Row }> {
  const volunteer = await manager.findOneBy(Volunteer, { id: volunteerId });
  const unknownVolunteer = `volunteer ${volunteerId}`;
  const row = authorizedRecord(
    volunteersPolicy,
    operation,
    viewer,
    volunteer && (await record.load()),
    volunteer ? { [record.party]: `${record.party} ${record.id}`, volunteer: unknownVolunteer } : unknownVolunteer,
    (found) => ({ code: { [record.party]: found.communityCode, volunteer: (volunteer as Volunteer).communityCode }, ownerSub: volunteer?.accountSub }),
  );
  // authorizedRecord has answered NOT_FOUND when the volunteer was missing.
  return { volunteer: volunteer as Volunteer, record: row };
}
