import { In, type DataSource } from 'typeorm';
import { loaderByKey } from '@shequ/kit';
import { VolunteerTeam } from './team.entity';

export function createTeamLoaders(dataSource: DataSource) {
  return {
    teamById: loaderByKey((ids: string[]) => dataSource.getRepository(VolunteerTeam).findBy({ id: In(ids) }), (team) => team.id),
    teamMemberCount: loaderByKey(
      (ids: string[]) =>
        dataSource.query(`SELECT team_id AS "teamId", count(*)::int AS members FROM volunteers.team_member WHERE team_id = ANY($1::uuid[]) GROUP BY team_id`, [ids]) as Promise<{ teamId: string; members: number }[]>,
      (row) => row.teamId,
    ),
  };
}
