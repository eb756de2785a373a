import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCOPES } from './scopes';
import { aggregatedOverScopes, countedFacts, dropTriggerMaintenance, isCommunityPrefix, maintainByTriggers, monthOf, monthWindow, REGION_PREFIX_LENGTHS, SCOPE_CODE, type MonthSummary } from './month-summary';
import { distributionBucketSql } from '../statistics/distribution-bucket';
import type { ChinaWindow } from '../time/china-time';

/**
 * A histogram of durations in days over a summary's facts, kept exact by
 * triggers for every region level (street, county, prefecture, province) and
 * month, so that a region's median reads one row per bucket and month of its
 * own instead of sorting every fact of the window. Each fact's duration is
 * counted in its `distributionBucket` (0.1 day up to 60 days, 1 day up to
 * 366, one bucket beyond): a median is exact to that bucket, and the same
 * whether a community's facts, a region's histogram or the statistics
 * store's samples give it.
 */
export interface MonthHistogram {
  /** The summary whose facts it counts: same source, filter, time column and time index (which must include every column `days` reads). */
  of: MonthSummary & { time: NonNullable<MonthSummary['time']> };
  /** The histogram table's name, in the summary's schema. */
  table: string;
  /** The fact's duration in days: float8 SQL over the source's unqualified columns. */
  days: string;
}

function target(histogram: MonthHistogram): { schema: string; table: string; source: string } {
  return { schema: histogram.of.schema, table: histogram.table, source: histogram.of.source };
}

/** Counts the facts of `transition` (a transition table, or the source for the backfill) into the histogram with `sign`, once per region level. */
function applyStatement(histogram: MonthHistogram, transition: string, sign: 1 | -1): string {
  const levels = REGION_PREFIX_LENGTHS.map((length) => `(left(community_code, ${length}))`).join(', ');
  const conditions = [`${histogram.of.time.column} IS NOT NULL`, ...(histogram.of.filter ? [histogram.of.filter] : [])];
  return `INSERT INTO ${histogram.of.schema}.${histogram.table} AS h (region_prefix, month, days, facts)
      SELECT histogram_level.prefix, ${monthOf(histogram.of, transition)}, ${distributionBucketSql(histogram.days)}, ${sign === 1 ? '' : '-'}count(*)
      FROM ${transition} CROSS JOIN LATERAL (VALUES ${levels}) AS histogram_level(prefix)
      WHERE ${conditions.join(' AND ')}
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (region_prefix, month, days) DO UPDATE SET facts = h.facts + EXCLUDED.facts;`;
}

/** Creates the histogram, fills it from the facts already there and adds the triggers that keep it exact. */
export async function createMonthHistogram(runner: QueryRunner, histogram: MonthHistogram): Promise<void> {
  await runner.query(`CREATE TABLE ${histogram.of.schema}.${histogram.table} (
    region_prefix text COLLATE "C" NOT NULL,
    month date NOT NULL,
    days float8 NOT NULL,
    facts integer NOT NULL,
    PRIMARY KEY (region_prefix, month, days) INCLUDE (facts))`);
  await runner.query(applyStatement(histogram, `${histogram.of.schema}.${histogram.of.source}`, 1));
  // Planned from its real size from the first question on, not as an empty table.
  await runner.query(`ANALYZE ${histogram.of.schema}.${histogram.table}`);
  await maintainByTriggers(runner, target(histogram), (facts, sign) => applyStatement(histogram, facts, sign));
}

export async function dropMonthHistogram(runner: QueryRunner, histogram: MonthHistogram): Promise<void> {
  await dropTriggerMaintenance(runner, target(histogram));
  await runner.query(`DROP TABLE ${histogram.of.schema}.${histogram.table}`);
}

/** The migration that creates a department's histograms; each subgraph lists it after its summaries' migration. */
export function monthHistogramsMigration(histograms: readonly MonthHistogram[]): new () => MigrationInterface {
  return class MonthHistograms1767000000000 implements MigrationInterface {
    name = 'MonthHistograms1767000000000';

    async up(runner: QueryRunner): Promise<void> {
      for (const histogram of histograms) {
        await createMonthHistogram(runner, histogram);
      }
    }

    async down(runner: QueryRunner): Promise<void> {
      for (const histogram of [...histograms].reverse()) {
        await dropMonthHistogram(runner, histogram);
      }
    }
  };
}

/**
 * The median of `value` over rows that give each value's running count
 * (`reached`, counting every row up to and including it in value order) and
 * the `total`: the middle value, or the mean of the two middle values of an
 * even count — as percentile_cont(0.5) over the values one by one.
 */
export function medianOfCounted(value: string, reached: string, total: string): string {
  return `(min(${value}) FILTER (WHERE ${reached} >= floor((${total} + 1) / 2)) + min(${value}) FILTER (WHERE ${reached} >= floor(${total} / 2) + 1)) / 2`;
}

/**
 * A statement answering `code` and `median` (float8 days) for the scopes of a
 * batch (`$1` codes, `$2` prefixes, see aggregatedOverScopes) over the facts in
 * a window: a community from its own facts, a region from its histogram's
 * months and the facts that make its partial months exact (see monthWindow),
 * all counted by bucket. Scopes without facts are absent.
 */
export function medianOverScopes(histogram: MonthHistogram, prefixes: readonly string[], window: ChinaWindow): string {
  const months = monthWindow(histogram.of.time, window, histogram.table);
  const factsWithin = (condition: string, sign: 1 | -1 = 1) => countedFacts(histogram.of, { days: distributionBucketSql(histogram.days), weight: String(sign) }, condition);
  // No edges (whole months only) still needs a region branch that reads nothing.
  const regionFacts = months.edges.length > 0 ? months.edges.map((edge) => factsWithin(edge.condition, edge.sign)).join(' UNION ALL ') : factsWithin('false');
  const branches = [aggregatedOverScopes({ facts: factsWithin(months.facts), alias: 'f', aggregates: { facts: 'sum(f.weight)' }, regionFacts, groupBy: 'days' }, prefixes)];
  if (prefixes.some((prefix) => !isCommunityPrefix(prefix))) {
    branches.push(`SELECT ${SCOPE_CODE}, b.days, b.facts
      FROM ${SCOPES}
      JOIN ${histogram.of.schema}.${histogram.table} b ON length(scope.prefix) < 12 AND b.region_prefix = scope.prefix ${months.wholeMonths}`);
  }
  return `SELECT code, ${medianOfCounted('days', 'reached', 'total')} AS median FROM (
      SELECT code, days, sum(facts) OVER (PARTITION BY code ORDER BY days) AS reached, sum(facts) OVER (PARTITION BY code) AS total
      -- float8 sums: exact for counts this size, and much faster than the numeric that summing bigints gives.
      FROM (SELECT code, days, sum(facts::float8) AS facts FROM (
        ${branches.join('\n        UNION ALL\n        ')}
      ) counted GROUP BY code, days HAVING sum(facts) > 0) histogram
    ) running GROUP BY code`;
}
