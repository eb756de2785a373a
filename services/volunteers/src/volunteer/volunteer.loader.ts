import { In, type DataSource } from 'typeorm';
import { Volunteer } from './volunteer.entity';
import type { VolunteerCriteria } from './volunteer.input';
import { loaderByKey, scopedPageLoader, type CursorPart } from '@shequ/kit';

export const VOLUNTEER_COLUMNS = `t.id, t.community_code AS "communityCode", t.account_sub AS "accountSub", t.name, t.phone,
  t.id_number AS "idNumber", t.skills, t.status, to_char(t.registered_on, 'YYYY-MM-DD') AS "registeredOn", t.hour_balance::float8 AS "hourBalance"`;

/** The shape of this list's cursors (its sortKey), for readPage. */
export const VOLUNTEER_CURSOR: readonly CursorPart[] = ['date', 'id'];

export function createVolunteerLoaders(dataSource: DataSource) {
  return {
    volunteerById: loaderByKey((ids: string[]) => dataSource.getRepository(Volunteer).findBy({ id: In(ids) }), (volunteer) => volunteer.id),
    volunteerPages: scopedPageLoader<Volunteer, VolunteerCriteria>(dataSource, {
      from: 'volunteers.volunteer t',
      within: 't.community_code = scope.code',
      columns: VOLUNTEER_COLUMNS,
      orderBy: 't.registered_on DESC, t.id DESC',
      after: '(t.registered_on, t.id) < ($A1::date, $A2::uuid)',
      sortKey: (volunteer) => [volunteer.registeredOn, volunteer.id],
      filters: (criteria, parameters) => {
        const conditions: string[] = [];
        if (criteria.status) {
          parameters.push(criteria.status);
          conditions.push(`t.status = $${parameters.length}`);
        }
        if (criteria.skill) {
          parameters.push(criteria.skill);
          conditions.push(`$${parameters.length} = ANY (t.skills)`);
        }
        return conditions;
      },
    }),
  };
}
