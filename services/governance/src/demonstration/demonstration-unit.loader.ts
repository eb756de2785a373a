import { In, type DataSource } from 'typeorm';
import { loaderOfLists } from '@shequ/kit';
import { DemonstrationUnit } from './demonstration-unit.entity';

export function createDemonstrationLoaders(dataSource: DataSource) {
  return {
    demonstrationsByCode: loaderOfLists(
      (codes: string[]) => dataSource.getRepository(DemonstrationUnit).find({ where: { code: In(codes) }, order: { year: 'DESC' } }),
      (unit) => unit.code,
    ),
  };
}
