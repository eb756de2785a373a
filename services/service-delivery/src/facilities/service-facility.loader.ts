import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { ServiceFacility } from './service-facility.entity';
import type { FacilityCriteria } from './service-facility.input';

export interface FacilityListKey {
  communityCode: string;
  criteria: FacilityCriteria;
}

/** Facilities of many communities, one statement per distinct filter. */
async function loadFacilityLists(dataSource: DataSource, keys: readonly FacilityListKey[]): Promise<ServiceFacility[][]> {
  const groups = new Map<string, FacilityListKey[]>();
  for (const key of keys) {
    const groupKey = JSON.stringify(key.criteria);
    groups.set(groupKey, [...(groups.get(groupKey) ?? []), key]);
  }
  const results = new Map<FacilityListKey, ServiceFacility[]>();
  for (const group of groups.values()) {
    const { criteria } = group[0];
    const query = dataSource
      .getRepository(ServiceFacility)
      .createQueryBuilder('f')
      .where('f.community_code = ANY(:codes)', { codes: [...new Set(group.map((key) => key.communityCode))] });
    if (criteria.kind) {
      query.andWhere('f.kind = :kind', { kind: criteria.kind });
    }
    if (criteria.status) {
      query.andWhere('f.status = :status', { status: criteria.status });
    }
    if (criteria.ownership) {
      query.andWhere('f.ownership = :ownership', { ownership: criteria.ownership });
    }
    if (criteria.sharedByUnit !== null) {
      query.andWhere('f.shared_by_unit = :shared', { shared: criteria.sharedByUnit });
    }
    const rows = await query.orderBy('f.kind').addOrderBy('f.name').addOrderBy('f.id').getMany();
    const byCommunity = new Map<string, ServiceFacility[]>();
    for (const row of rows) {
      byCommunity.set(row.communityCode, [...(byCommunity.get(row.communityCode) ?? []), row]);
    }
    for (const key of group) {
      results.set(key, byCommunity.get(key.communityCode) ?? []);
    }
  }
  return keys.map((key) => results.get(key) ?? []);
}

export function createFacilityLoaders(dataSource: DataSource) {
  return {
    facilityLists: new DataLoader<FacilityListKey, ServiceFacility[], string>((keys) => loadFacilityLists(dataSource, keys), {
      cacheKeyFn: (key) => JSON.stringify(key),
    }),
  };
}
