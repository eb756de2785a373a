import { IsNull, In, type DataSource } from 'typeorm';
import { loaderByKey } from '@shequ/kit';
import { PoliceLiaison } from './police-liaison.entity';

export function createPoliceLiaisonLoaders(dataSource: DataSource) {
  return {
    currentPoliceLiaison: loaderByKey(
      (codes: string[]) => dataSource.getRepository(PoliceLiaison).findBy({ communityCode: In(codes), until: IsNull() }),
      (liaison) => liaison.communityCode,
    ),
  };
}
