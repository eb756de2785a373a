import { assessmentUpdateSql } from '../catalogue/assessment-indicators';
import { figureSql } from '../catalogue/indicator-catalogue';
import type { AssessmentTemplate } from '../catalogue/indicator-spec';
import { ALL_FLOWS, ALL_MEMBERS, ALL_SAMPLES, ALL_STOCKS, FEED_DEPARTMENTS, REPORTING_COLUMN, STOCK_MEASURES, type FeedDepartment } from '../catalogue/measures';
import { heldAssessmentMethod } from './assessment-method';
import type { StorePeriod } from '../periods/period';
import type { Queryable } from './queryable';

/** (tier bit, set of tiers holding it) for every set: 1 ADVANCED, 2 STANDARD, 4 FOUNDATIONAL. */
const TIER_SET_MEMBERS = [1, 2, 3, 4, 5, 6, 7].flatMap((set) => [1, 2, 4].filter((bit) => set & bit).map((bit) => `(${bit}, ${set})`)).join(', ');

const REPORTING = FEED_DEPARTMENTS.map((department) => REPORTING_COLUMN[department]);
const MEDIANS = ALL_SAMPLES.map((measure) => `median_${measure}`);
const DISTINCTS = ALL_MEMBERS.map((measure) => `distinct_${measure}`);
const FIGURE_COLUMNS = ['community_count', 'advanced', 'standard', 'foundational', ...ALL_FLOWS, ...ALL_STOCKS, ...REPORTING, ...MEDIANS, ...DISTINCTS];

/**
 * A community's stock in the period's snapshot. A department's stock page
 * lists only the communities with something recorded (no open hazard, no
 * liaison: no row), so once the department has reported that month a
 * missing row is 0 and the community counts as reported. Governance lists
 * every community, so a null of its own (capacity never recorded) stays null.
 */
function stockOfCommunity(measure: string): string {
  const department = FEED_DEPARTMENTS.find((candidate) => STOCK_MEASURES[candidate].includes(measure)) as FeedDepartment;
  return department === 'GOVERNANCE' ? `s.${measure}` : `coalesce(s.${measure}, CASE WHEN r.${REPORTING_COLUMN[department]} THEN 0 END)`;
}

/**
 * (Re)computes one period's rows of `period_figure`: every community (its
 * flows summed over the period's months, its stocks from the period's latest
 * snapshot) and every region for every set of tiers (the sums of its
 * communities of those tiers). Medians come from the summed distribution
 * samples and distinct counts from the members of the same scope, never from
 * the communities' own medians or counts; then the assessment of every row
 * from those figures and the method held.
 */
async function recomputePeriod(db: Queryable, period: StorePeriod, method: readonly AssessmentTemplate[]): Promise<void> {
  const parameters = [period.label, period.months];
  await db.query(`DELETE FROM statistics.period_figure WHERE period = $1`, [period.label]);
  // The period's snapshot: the latest month in it that the store snapshotted stocks into.
  const snapshot = `(SELECT max(month) FROM statistics.stock_snapshot WHERE month = ANY($2::text[]))`;
  await db.query(
    `WITH flows AS (
       SELECT community_code, ${ALL_FLOWS.map((name) => `sum(${name}) AS ${name}`).join(', ')}
       FROM statistics.community_month WHERE month = ANY($2::text[]) GROUP BY community_code
     ), stocks AS (
       SELECT * FROM statistics.stock_snapshot WHERE month = ${snapshot}
     ), reported AS (
       SELECT ${REPORTING.map((name) => `coalesce(bool_or(${name}), false) AS ${name}`).join(', ')} FROM stocks
     )
     INSERT INTO statistics.period_figure (period, tier_set, code, level, tier, ${FIGURE_COLUMNS.join(', ')})
     SELECT $1, 7, d.code, 'COMMUNITY', d.tier, 1, (d.tier = 'ADVANCED')::int, (d.tier = 'STANDARD')::int, (d.tier = 'FOUNDATIONAL')::int,
            ${ALL_FLOWS.map((name) => `coalesce(f.${name}, 0)`).join(', ')},
            ${ALL_STOCKS.map(stockOfCommunity).join(', ')},
            ${REPORTING.map((name) => `r.${name}::int`).join(', ')},
            ${MEDIANS.map(() => 'NULL').join(', ')}${MEDIANS.length ? ',' : ''}
            ${DISTINCTS.map(() => `CASE WHEN ${snapshot} IS NOT NULL THEN 0 END`).join(', ')}
     FROM statistics.directory d
     LEFT JOIN flows f ON f.community_code = d.code
     LEFT JOIN stocks s ON s.community_code = d.code
     CROSS JOIN reported r
     WHERE d.level = 'COMMUNITY'`,
    parameters,
  );
  await db.query(
    `INSERT INTO statistics.period_figure (period, tier_set, code, level, tier, ${FIGURE_COLUMNS.join(', ')})
     SELECT $1, sm.tier_set, r.code, r.level, NULL, count(*), sum(c.advanced), sum(c.standard), sum(c.foundational),
            ${ALL_FLOWS.map((name) => `sum(c.${name})`).join(', ')},
            ${ALL_STOCKS.map((name) => `sum(c.${name})`).join(', ')},
            ${REPORTING.map((name) => `sum(c.${name})`).join(', ')},
            ${MEDIANS.map(() => 'NULL').join(', ')}${MEDIANS.length ? ',' : ''}
            ${DISTINCTS.map((name) => `CASE WHEN bool_or(c.${name} IS NOT NULL) THEN 0 END`).join(', ')}
     FROM statistics.scope_member sm
     JOIN statistics.directory r ON r.code = sm.scope_code AND r.level <> 'COMMUNITY'
     JOIN statistics.period_figure c ON c.period = $1 AND c.tier_set = 7 AND c.code = sm.community_code
     GROUP BY sm.tier_set, r.code, r.level`,
    [period.label],
  );
  // Regions with no community of a set of tiers still get a row, so every table row has one to read.
  await db.query(
    `INSERT INTO statistics.period_figure (period, tier_set, code, level, tier, ${FIGURE_COLUMNS.join(', ')})
     SELECT $1, sets.tier_set, r.code, r.level, NULL, 0, 0, 0, 0, ${ALL_FLOWS.map(() => '0').join(', ')}, ${ALL_STOCKS.map(() => 'NULL').join(', ')},
            ${REPORTING.map(() => '0').join(', ')}${[...MEDIANS, ...DISTINCTS].map(() => ', NULL').join('')}
     FROM statistics.directory r CROSS JOIN generate_series(1, 7) AS sets(tier_set)
     WHERE r.level <> 'COMMUNITY'
     ON CONFLICT (period, tier_set, code) DO NOTHING`,
    [period.label],
  );
  if (ALL_SAMPLES.length) {
    await db.query(
      `WITH community_samples AS (
         -- Each community's distribution over the period first: far fewer rows to spread over its scopes.
         SELECT community_code, measure, value, sum(count) AS n FROM statistics.sample WHERE month = ANY($2::text[]) GROUP BY 1, 2, 3
       ), by_tier AS (
         -- Each region's distribution per tier of its communities (a community's one-tier sets): a fraction of
         -- the rows its every set of tiers would spread them into.
         SELECT sm.scope_code, sm.tier_set AS tier, s.measure, s.value, sum(s.n) AS n
         FROM community_samples s JOIN statistics.scope_member sm ON sm.community_code = s.community_code AND sm.tier_set IN (1, 2, 4)
         GROUP BY 1, 2, 3, 4
       ), samples AS (
         -- A set of tiers adds up the distributions of its tiers; a community's own row is its own distribution.
         SELECT b.scope_code, sets.tier_set, b.measure, b.value, sum(b.n) AS n
         FROM by_tier b JOIN (VALUES ${TIER_SET_MEMBERS}) AS sets(tier, tier_set) ON sets.tier = b.tier
         GROUP BY 1, 2, 3, 4
         UNION ALL
         SELECT community_code, 7, measure, value, n FROM community_samples
       ), running AS (
         SELECT scope_code, tier_set, measure, value,
                sum(n) OVER (PARTITION BY scope_code, tier_set, measure ORDER BY value) AS reached,
                sum(n) OVER (PARTITION BY scope_code, tier_set, measure) AS total
         FROM samples
       ), medians AS (
         -- The middle value, or the mean of the two middle values of an even count (as percentile_cont(0.5)).
         SELECT scope_code, tier_set, measure,
                (min(value) FILTER (WHERE reached >= floor((total + 1) / 2)) + min(value) FILTER (WHERE reached >= floor(total / 2) + 1)) / 2 AS median
         FROM running GROUP BY 1, 2, 3
       ), pivoted AS (
         SELECT scope_code, tier_set, ${ALL_SAMPLES.map((measure) => `max(median) FILTER (WHERE measure = '${measure}') AS median_${measure}`).join(', ')}
         FROM medians GROUP BY 1, 2
       )
       UPDATE statistics.period_figure f SET ${MEDIANS.map((name) => `${name} = p.${name}`).join(', ')}
       FROM pivoted p WHERE f.period = $1 AND f.tier_set = p.tier_set AND f.code = p.scope_code`,
      parameters,
    );
  }
  if (ALL_MEMBERS.length) {
    await db.query(
      `WITH counted AS (
         SELECT sm.scope_code, sm.tier_set, ${ALL_MEMBERS.map((measure) => `count(DISTINCT m.member) FILTER (WHERE m.measure = '${measure}') AS distinct_${measure}`).join(', ')}
         FROM statistics.member m JOIN statistics.scope_member sm ON sm.community_code = m.community_code
         WHERE m.month = ${snapshot}
         GROUP BY 1, 2
       )
       UPDATE statistics.period_figure f SET ${DISTINCTS.map((name) => `${name} = c.${name}`).join(', ')}
       FROM counted c WHERE f.period = $1 AND f.tier_set = c.tier_set AND f.code = c.scope_code`,
      parameters,
    );
  }
  await db.query(assessmentUpdateSql(method, figureSql), [period.label]);
}

/** Recomputes the rows of every period given (each once). */
export async function recomputePeriods(db: Queryable, periods: StorePeriod[]): Promise<number> {
  const unique = new Map(periods.map((period) => [period.label, period]));
  const method = await heldAssessmentMethod(db);
  // The rows this transaction writes are not in the table's statistics yet, so the planner takes a period's
  // thousands of rows for a few and joins them row by row (minutes); every join here is set against set.
  await db.query('SET LOCAL enable_nestloop = off');
  for (const period of unique.values()) {
    await recomputePeriod(db, period, method);
  }
  return unique.size;
}
