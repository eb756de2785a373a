import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { loaderByKey, loaderOfLists, scopeParameters, SCOPES, withinScope } from '@shequ/kit';
import { Region } from './region.entity';

export function createRegionLoaders(dataSource: DataSource) {
  const repository = dataSource.getRepository(Region);
  return {
    regionByCode: loaderByKey(
      (codes: string[]) => repository.findBy({ code: In(codes) }),
      (region) => region.code,
    ),
    childrenByParentCode: loaderOfLists(
      (parentCodes: string[]) => repository.find({ where: { parentCode: In(parentCodes) }, order: { code: 'ASC' } }),
      (region) => region.parentCode as string,
    ),
    /** Communities within each region, counted in one statement for every region asked. */
    communityCountByRegion: new DataLoader<string, number>(async (codes) => {
      const rows: { code: string; count: number }[] = await dataSource.query(
        `SELECT scope.code, count(c.code)::int AS count
         FROM ${SCOPES}
         LEFT JOIN governance.community c ON ${withinScope('c.code')}
         GROUP BY scope.code`,
        scopeParameters(codes),
      );
      const counts = new Map(rows.map((row) => [row.code, row.count]));
      return codes.map((code) => counts.get(code) ?? 0);
    }),
  };
}
