import type DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { codeWithinPrefix, loaderByKey, scopedPageLoader, type Connection, type CursorPart, type PageRequest, type ScopedPageKey } from '@shequ/kit';
import { Community } from './community.entity';
import { CommunitySort, type CommunityCriteria } from './community.input';

interface SortSpec {
  orderBy: string;
  /** Row comparison that is true for rows after the cursor. */
  after: string;
  key: (community: Community) => unknown[];
  /** What `key` puts in a cursor, for readPage. */
  cursor: readonly CursorPart[];
}

const SORTS: Record<CommunitySort, SortSpec> = {
  [CommunitySort.CODE]: { orderBy: 't.code', after: 't.code > $A1', key: (c) => [c.code], cursor: ['text'] },
  [CommunitySort.NAME]: { orderBy: 't.name, t.code', after: '(t.name, t.code) > ($A1, $A2)', key: (c) => [c.name, c.code], cursor: ['text', 'text'] },
  [CommunitySort.POPULATION_DESC]: {
    orderBy: 't.population DESC, t.code DESC',
    after: '(t.population, t.code) < ($A1::integer, $A2)',
    key: (c) => [c.population, c.code],
    cursor: ['integer', 'text'],
  },
};

/** The shape of a cursor of the communities list in this sort. */
export function communityCursorShape(sort: CommunitySort): readonly CursorPart[] {
  return SORTS[sort].cursor;
}

const COMMUNITY_COLUMNS = `t.code, t.name, t.street_code AS "streetCode", t.population, t.households, t.tier, t.synthetic`;

type CommunityFilterCriteria = Omit<CommunityCriteria, 'sort'>;

function filterConditions(criteria: CommunityFilterCriteria, parameters: unknown[]): string[] {
  const conditions: string[] = [];
  if (criteria.tier) {
    parameters.push(criteria.tier);
    conditions.push(`t.tier = $${parameters.length}`);
  }
  if (criteria.nameContains) {
    parameters.push(criteria.nameContains);
    conditions.push(`strpos(t.name, $${parameters.length}) > 0`);
  }
  return conditions;
}

/**
 * Pages of the communities under code prefixes ('' is the whole province),
 * one loader per sort: `regions { communities(first: 5) }` costs one
 * statement however many regions (the kit's scoped pager).
 */
function communityPagesBySort(dataSource: DataSource): Record<CommunitySort, DataLoader<ScopedPageKey<CommunityFilterCriteria>, Connection<Community>, string>> {
  const loaderFor = (sort: SortSpec) =>
    scopedPageLoader<Community, CommunityFilterCriteria>(dataSource, {
      from: 'governance.community t',
      within: codeWithinPrefix('t.code', 'scope.code'),
      columns: COMMUNITY_COLUMNS,
      orderBy: sort.orderBy,
      after: sort.after,
      sortKey: sort.key,
      filters: filterConditions,
    });
  return {
    [CommunitySort.CODE]: loaderFor(SORTS[CommunitySort.CODE]),
    [CommunitySort.NAME]: loaderFor(SORTS[CommunitySort.NAME]),
    [CommunitySort.POPULATION_DESC]: loaderFor(SORTS[CommunitySort.POPULATION_DESC]),
  };
}

export function createCommunityLoaders(dataSource: DataSource) {
  const repository = dataSource.getRepository(Community);
  const pages = communityPagesBySort(dataSource);
  return {
    communityByCode: loaderByKey(
      (codes: string[]) => repository.findBy({ code: In(codes) }),
      (community) => community.code,
    ),
    /** A page of the communities under `prefix`, filtered and sorted. */
    communityPages: {
      load: ({ prefix, criteria: { sort, ...filter }, page }: { prefix: string; criteria: CommunityCriteria; page: PageRequest }) =>
        pages[sort].load({ scope: prefix, criteria: filter, page }),
    },
  };
}
