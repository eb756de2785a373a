import { In, type DataSource } from 'typeorm';
import { loaderByKey, loaderOfLists } from '@shequ/kit';
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
  };
}
