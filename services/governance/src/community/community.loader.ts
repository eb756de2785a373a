import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { codeWithinPrefix, loaderByKey, toConnection, type Connection, type PageRequest } from '@shequ/kit';
import { Community } from './community.entity';
import { CommunitySort, type CommunityCriteria } from './community.input';

/** One page of the communities under one code prefix ('' means the whole province). */
export interface CommunityPageKey {
  prefix: string;
  criteria: CommunityCriteria;
  page: PageRequest;
}

interface SortSpec {
  orderBy: string;
  /** Row comparison that is true for rows after the cursor. */
  after: string;
  key: (community: Community) => unknown[];
}

const SORTS: Record<CommunitySort, SortSpec> = {
  [CommunitySort.CODE]: { orderBy: 'c.code', after: 'c.code > $A1', key: (c) => [c.code] },
  [CommunitySort.NAME]: { orderBy: 'c.name, c.code', after: '(c.name, c.code) > ($A1, $A2)', key: (c) => [c.name, c.code] },
  [CommunitySort.POPULATION_DESC]: {
    orderBy: 'c.population DESC, c.code DESC',
    after: '(c.population, c.code) < ($A1::integer, $A2)',
    key: (c) => [c.population, c.code],
  },
};

const COMMUNITY_COLUMNS = `c.code, c.name, c.street_code AS "streetCode", c.population, c.households, c.tier, c.synthetic`;

function filterConditions(criteria: CommunityCriteria, parameters: unknown[]): string[] {
  const conditions: string[] = [];
  if (criteria.tier) {
    parameters.push(criteria.tier);
    conditions.push(`c.tier = $${parameters.length}`);
  }
  if (criteria.nameContains) {
    parameters.push(criteria.nameContains);
    conditions.push(`strpos(c.name, $${parameters.length}) > 0`);
  }
  return conditions;
}

/**
 * Loads pages of communities for many regions in one statement per distinct
 * (filter, sort, page): window functions number each region's rows and count
 * them, so `regions { communities(first: 5) }` costs one query however many
 * regions. Each region's first row comes back even when it lies before the
 * cursor, only to carry the total.
 */
async function loadPages(dataSource: DataSource, keys: readonly CommunityPageKey[]): Promise<Connection<Community>[]> {
  const groups = new Map<string, CommunityPageKey[]>();
  for (const key of keys) {
    const groupKey = JSON.stringify([key.criteria, key.page]);
    groups.set(groupKey, [...(groups.get(groupKey) ?? []), key]);
  }
  const results = new Map<CommunityPageKey, Connection<Community>>();
  for (const group of groups.values()) {
    const { criteria, page } = group[0];
    const sort = SORTS[criteria.sort];
    const parameters: unknown[] = [[...new Set(group.map((key) => key.prefix))], page.first + 1];
    const filters = filterConditions(criteria, parameters);
    let afterCondition = 'true';
    if (page.after) {
      const offset = parameters.length;
      parameters.push(...page.after.map(String));
      afterCondition = sort.after.replace(/\$A(\d)/g, (_match, index: string) => `$${offset + Number(index)}`);
    }
    const rows: (Community & { prefix: string; total: string; after_cursor: boolean; position: string; overall: string })[] = await dataSource.query(
      `SELECT * FROM (
         SELECT scope.prefix, ${COMMUNITY_COLUMNS},
                count(*) OVER (PARTITION BY scope.prefix) AS total,
                ${afterCondition} AS after_cursor,
                row_number() OVER (PARTITION BY scope.prefix, ${afterCondition} ORDER BY ${sort.orderBy}) AS position,
                row_number() OVER (PARTITION BY scope.prefix ORDER BY ${sort.orderBy}) AS overall
         FROM unnest($1::text[]) AS scope(prefix)
         JOIN governance.community c ON ${codeWithinPrefix('c.code', 'scope.prefix')}
         ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}
       ) ranked
       WHERE (after_cursor AND position <= $2) OR overall = 1
       ORDER BY prefix, after_cursor, position`,
      parameters,
    );
    const byPrefix = new Map<string, { rows: Community[]; total: number }>();
    for (const { prefix, total, after_cursor: afterCursor, position, overall, ...community } of rows) {
      const entry = byPrefix.get(prefix) ?? { rows: [], total: Number(total) };
      if (afterCursor) {
        entry.rows.push(community as Community);
      }
      byPrefix.set(prefix, entry);
    }
    for (const key of group) {
      const entry = byPrefix.get(key.prefix);
      results.set(key, toConnection(entry?.rows ?? [], page, entry?.total ?? 0, sort.key));
    }
  }
  return keys.map((key) => results.get(key) as Connection<Community>);
}

export function createCommunityLoaders(dataSource: DataSource) {
  const repository = dataSource.getRepository(Community);
  return {
    communityByCode: loaderByKey(
      (codes: string[]) => repository.findBy({ code: In(codes) }),
      (community) => community.code,
    ),
    communityPages: new DataLoader<CommunityPageKey, Connection<Community>, string>((keys) => loadPages(dataSource, keys), {
      cacheKeyFn: (key) => JSON.stringify(key),
    }),
  };
}
