import { In, type DataSource } from 'typeorm';
import { loaderByKey } from '@shequ/kit';
import { ServiceOffering } from './service-catalogue.entity';

export function createCatalogueLoaders(dataSource: DataSource) {
  return {
    offeringByCode: loaderByKey(
      (codes: string[]) => dataSource.getRepository(ServiceOffering).findBy({ code: In(codes) }),
      (offering) => offering.code,
    ),
  };
}
