import { In, type DataSource } from 'typeorm';
import { loaderOfLists } from '@shequ/kit';
import { SafetyGroup } from './patrol.entity';

export function createPatrolLoaders(dataSource: DataSource) {
  return {
    safetyGroupsByCommunity: loaderOfLists(
      (codes: string[]) => dataSource.getRepository(SafetyGroup).find({ where: { communityCode: In(codes) }, order: { kind: 'ASC', name: 'ASC' } }),
      (group) => group.communityCode,
    ),
  };
}
