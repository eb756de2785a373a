import { In, type DataSource } from 'typeorm';
import { VolunteerActivity } from './activity.entity';
import type { ActivityCriteria } from './activity.input';
import { loaderByKey, scopedPageLoader, type CursorPart } from '@shequ/kit';

/** The shape of this list's cursors (its sortKey), for readPage. */
export const ACTIVITY_CURSOR: readonly CursorPart[] = ['instant', 'id'];

export interface ActivityTally {
  activityId: string;
  signUps: number;
  attended: number;
  confirmedHours: number;
}

export function createActivityLoaders(dataSource: DataSource) {
  return {
    activityById: loaderByKey((ids: string[]) => dataSource.getRepository(VolunteerActivity).findBy({ id: In(ids) }), (activity) => activity.id),
    activityTally: loaderByKey(
      (ids: string[]) =>
        dataSource.query(
          `SELECT activity_id AS "activityId", count(*)::int AS "signUps", count(*) FILTER (WHERE attended)::int AS attended,
                  coalesce(sum(hours) FILTER (WHERE confirmed_at IS NOT NULL), 0)::float8 AS "confirmedHours"
           FROM volunteers.activity_signup WHERE activity_id = ANY($1::uuid[]) GROUP BY activity_id`,
          [ids],
        ) as Promise<ActivityTally[]>,
      (row) => row.activityId,
    ),
    activityPages: scopedPageLoader<VolunteerActivity, ActivityCriteria>(dataSource, {
      from: 'volunteers.activity t',
      within: 't.community_code = scope.code',
      columns: `t.id, t.title, t.category, t.community_code AS "communityCode", t.organiser_team_id AS "organiserTeamId",
                t.organiser_organization_id AS "organiserOrganizationId", t.starts_at AS "startsAt", t.ends_at AS "endsAt", t.places`,
      orderBy: 't.starts_at DESC, t.id DESC',
      after: '(t.starts_at, t.id) < ($A1::timestamptz, $A2::uuid)',
      sortKey: (activity) => [activity.startsAt.toISOString(), activity.id],
      filters: (criteria, parameters) => {
        const conditions: string[] = [];
        if (criteria.category) {
          parameters.push(criteria.category);
          conditions.push(`t.category = $${parameters.length}`);
        }
        if (criteria.from) {
          parameters.push(criteria.from);
          conditions.push(`t.starts_at >= $${parameters.length}::timestamptz`);
        }
        if (criteria.to) {
          parameters.push(criteria.to);
          conditions.push(`t.starts_at < $${parameters.length}::timestamptz`);
        }
        return conditions;
      },
    }),
  };
}
