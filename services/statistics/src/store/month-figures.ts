import { ALL_FLOWS, ALL_MEMBERS, ALL_STOCKS, FEED_DEPARTMENTS, REPORTING_COLUMN, STOCK_MEASURES, type FeedDepartment } from '../catalogue/measures';
import type { Queryable } from './queryable';

/*
 * What the refresh derives from the collected figures, so that any period is
 * summed when asked: each region's flows per month and tier, and every row's
 * stocks per snapshot month. Communities' own flows are `community_month`.
 */

const REPORTING = FEED_DEPARTMENTS.map((department) => REPORTING_COLUMN[department]);
const DISTINCTS = ALL_MEMBERS.map((measure) => `distinct_${measure}`);

/**
 * Every table row with its communities of each tier: a community itself
 * (set 7 only), and every region for every set of tiers (a set none of whose
 * tiers it holds counts 0 communities). Rebuilt with the directory.
 */
export async function rebuildScopeCounts(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM statistics.scope_count`);
  await db.query(
    `INSERT INTO statistics.scope_count (tier_set, level, code, tier, community_count, advanced, standard, foundational)
     SELECT 7, 'COMMUNITY', d.code, d.tier, 1, (d.tier = 'ADVANCED')::int, (d.tier = 'STANDARD')::int, (d.tier = 'FOUNDATIONAL')::int
     FROM statistics.directory d WHERE d.level = 'COMMUNITY'
     UNION ALL
     SELECT sets.tier_set, r.level, r.code, NULL, count(c.code),
            count(*) FILTER (WHERE c.tier = 'ADVANCED'), count(*) FILTER (WHERE c.tier = 'STANDARD'), count(*) FILTER (WHERE c.tier = 'FOUNDATIONAL')
     FROM statistics.directory r
     CROSS JOIN generate_series(1, 7) AS sets(tier_set)
     LEFT JOIN statistics.scope_member sm ON sm.scope_code = r.code AND sm.tier_set = sets.tier_set
     LEFT JOIN statistics.directory c ON c.code = sm.community_code
     WHERE r.level <> 'COMMUNITY'
     GROUP BY sets.tier_set, r.level, r.code`,
  );
}

/** Each region's flows of the months given, per tier of its communities (a community's one-tier sets are its tier). */
export async function rollUpMonths(db: Queryable, months: readonly string[]): Promise<void> {
  if (months.length === 0) {
    return;
  }
  await db.query(`DELETE FROM statistics.region_month WHERE month = ANY($1::text[])`, [months]);
  await db.query(
    `INSERT INTO statistics.region_month (month, level, code, tier_bit, ${ALL_FLOWS.join(', ')})
     SELECT cm.month, r.level, r.code, sm.tier_set, ${ALL_FLOWS.map((name) => `sum(cm.${name})`).join(', ')}
     FROM statistics.community_month cm
     JOIN statistics.scope_member sm ON sm.community_code = cm.community_code AND sm.tier_set IN (1, 2, 4)
     JOIN statistics.directory r ON r.code = sm.scope_code
     WHERE cm.month = ANY($1::text[])
     GROUP BY cm.month, r.level, r.code, sm.tier_set`,
    [months],
  );
}

/**
 * A community's stock in a snapshot. A department's stock page lists only
 * the communities with something recorded (no open hazard, no liaison: no
 * row), so once the department has reported that month a missing row is 0
 * and the community counts as reported. Governance lists every community,
 * so a null of its own (capacity never recorded) stays null.
 */
function stockOfCommunity(measure: string): string {
  const department = FEED_DEPARTMENTS.find((candidate) => STOCK_MEASURES[candidate].includes(measure)) as FeedDepartment;
  return department === 'GOVERNANCE' ? `s.${measure}` : `coalesce(s.${measure}, CASE WHEN r.${REPORTING_COLUMN[department]} THEN 0 END)`;
}

/**
 * Every row's stocks in the snapshot months given: each community's (with
 * its distinct counts), then each region's for every set of tiers, summed
 * from its communities; distinct counts are counted again over the region's
 * members, never added up.
 */
export async function rollUpStocks(db: Queryable, months: readonly string[]): Promise<void> {
  if (months.length === 0) {
    return;
  }
  await db.query(`DELETE FROM statistics.stock_figure WHERE month = ANY($1::text[])`, [months]);
  const membersOf = (scope: string) =>
    `SELECT m.month, sm.scope_code AS code, sm.tier_set, ${ALL_MEMBERS.map((measure) => `count(DISTINCT m.member) FILTER (WHERE m.measure = '${measure}') AS distinct_${measure}`).join(', ') || '0 AS none'}
     FROM statistics.member m JOIN statistics.scope_member sm ON sm.community_code = m.community_code AND ${scope}
     WHERE m.month = ANY($1::text[]) GROUP BY 1, 2, 3`;
  await db.query(
    `WITH reported AS (
       SELECT month, ${REPORTING.map((name) => `bool_or(${name}) AS ${name}`).join(', ')}
       FROM statistics.stock_snapshot WHERE month = ANY($1::text[]) GROUP BY month
     ), members AS (${membersOf(`sm.tier_set = 7 AND sm.scope_code = sm.community_code`)})
     INSERT INTO statistics.stock_figure (month, tier_set, level, code, ${[...ALL_STOCKS, ...REPORTING, ...DISTINCTS].join(', ')})
     SELECT r.month, 7, 'COMMUNITY', d.code, ${ALL_STOCKS.map(stockOfCommunity).join(', ')},
            ${REPORTING.map((name) => `r.${name}::int`).join(', ')}${DISTINCTS.map((name) => `, coalesce(m.${name}, 0)`).join('')}
     FROM reported r
     CROSS JOIN statistics.directory d
     LEFT JOIN statistics.stock_snapshot s ON s.month = r.month AND s.community_code = d.code
     LEFT JOIN members m ON m.month = r.month AND m.code = d.code
     WHERE d.level = 'COMMUNITY'`,
    [months],
  );
  await db.query(
    `WITH members AS (${membersOf(`sm.scope_code <> sm.community_code`)}), summed AS (
       SELECT c.month, sm.tier_set, r.level, r.code, ${[...ALL_STOCKS, ...REPORTING].map((name) => `sum(c.${name}) AS ${name}`).join(', ')}
       FROM statistics.stock_figure c
       JOIN statistics.scope_member sm ON sm.community_code = c.code AND sm.scope_code <> sm.community_code
       JOIN statistics.directory r ON r.code = sm.scope_code
       WHERE c.month = ANY($1::text[]) AND c.tier_set = 7 AND c.level = 'COMMUNITY'
       GROUP BY 1, 2, 3, 4
     )
     INSERT INTO statistics.stock_figure (month, tier_set, level, code, ${[...ALL_STOCKS, ...REPORTING, ...DISTINCTS].join(', ')})
     SELECT s.month, s.tier_set, s.level, s.code, ${[...ALL_STOCKS, ...REPORTING].map((name) => `s.${name}`).join(', ')}${DISTINCTS.map((name) => `, coalesce(m.${name}, 0)`).join('')}
     FROM summed s LEFT JOIN members m ON m.month = s.month AND m.tier_set = s.tier_set AND m.code = s.code`,
    [months],
  );
}

/** Every month the store holds a stock snapshot of. */
export async function snapshotMonths(db: Queryable): Promise<string[]> {
  const rows: { month: string }[] = await db.query(`SELECT DISTINCT month FROM statistics.stock_snapshot ORDER BY month`);
  return rows.map((row) => row.month);
}
