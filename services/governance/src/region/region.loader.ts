import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { Region } from './region.entity';

export function createRegionLoaders(dataSource: DataSource) {
  const repository = dataSource.getRepository(Region);
  return {
    regionByCode: new DataLoader<string, Region | null>(async (codes) => {
      const found = await repository.findBy({ code: In([...codes]) });
      const byCode = new Map(found.map((region) => [region.code, region]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
    childrenByParentCode: new DataLoader<string, Region[]>(async (parentCodes) => {
      const found = await repository.find({ where: { parentCode: In([...parentCodes]) }, order: { code: 'ASC' } });
      return parentCodes.map((parentCode) => found.filter((region) => region.parentCode === parentCode));
    }),
  };
}
