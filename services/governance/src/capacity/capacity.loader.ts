import type { DataSource } from 'typeorm';
import { loaderByKey } from '@shequ/kit';
import { CommunityCapacity } from './community-capacity.entity';

export function createCapacityLoaders(dataSource: DataSource) {
  return {
    capacityByCode: loaderByKey(
      (codes: string[]) => dataSource.getRepository(CommunityCapacity).createQueryBuilder('c').where('c.community_code = ANY(:codes)', { codes }).getMany(),
      (capacity) => capacity.communityCode,
    ),
  };
}
