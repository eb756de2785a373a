import type { MigrationInterface, QueryRunner } from 'typeorm';
import { builtOncePerShape, isCommunityPrefix, SCOPES } from './scopes';
import { aggregatedOverScopes, applyFunction, countedFacts, dropTriggerMaintenance, eachRegionLevel, maintainByTriggers, monthOf, monthWindow, SCOPE_CODE, type MonthSummary } from './month-summary';
import { distributionBucketSql } from '../statistics/distribution-bucket';
import type { ChinaWindow } from '../time/china-time';
import { WRITER_STRIPE, type TriggerKeptTable } from './writer-stripes';

/**
 * A histogram of durations in days over a summary's facts, kept exact by
 * triggers for every region level (street, county, prefecture, province) and
 * month, by bucket and by whole day, so that a region's median reads a few
 * rows per month of its own instead of sorting every fact of the window.
 * Each fact's duration is counted in its `distributionBucket` (0.1 day up to
 * 60 days, 1 day up to 366, one bucket beyond): a median is exact to that
 * bucket, and the same whether a community's facts, a region's histogram or
 * the statistics store's samples give it.
 */
export interface MonthHistogram {
  /** The summary whose facts it counts: same source, filter, time column and time index (which must include every column `days` reads). */
  of: MonthSummary & { time: NonNullable<MonthSummary['time']> };
  /** The histogram table's name, in the summary's schema. */
  table: string;
  /** The fact's duration in days: float8 SQL over the source's unqualified columns. */
  days: string;
}

/**
 * A histogram's two tables: by bucket (`days`, the distribution bucket) and
 * by whole day (`day`, the bucket's whole days), so a median first finds its
 * day among a few dozen rows per month, then reads the buckets of that day
 * alone.
 */
interface HistogramTable {
  table: string;
  column: 'days' | 'day';
  type: 'float8' | 'integer';
  /** The fact's place in this table, over the source's unqualified columns. */
  bucket: string;
}

function byBucket(histogram: MonthHistogram): HistogramTable {
  return { table: histogram.table, column: 'days', type: 'float8', bucket: distributionBucketSql(histogram.days) };
}

function byDay(histogram: MonthHistogram): HistogramTable {
  return { table: `${histogram.table}_by_day`, column: 'day', type: 'integer', bucket: `floor(${distributionBucketSql(histogram.days)})::integer` };
}

/**
 * Counts the facts of `transition` (a transition table, or the source for
 * the backfill) into the table with `sign`, once per region level: into the
 * writer's stripe when `striped` (see writer-stripes), else the key's one row.
 */
function applyStatement(histogram: MonthHistogram, table: HistogramTable, transition: string, sign: 1 | -1, striped = false): string {
  const conditions = [`${histogram.of.time.column} IS NOT NULL`, ...(histogram.of.filter ? [histogram.of.filter] : [])];
  const key = ['region_prefix', 'month', table.column, ...(striped ? ['stripe'] : [])].join(', ');
  return `INSERT INTO ${histogram.of.schema}.${table.table} AS h (${key}, facts)
      SELECT region_level.prefix, ${monthOf(histogram.of, transition)}, ${table.bucket}, ${striped ? `${WRITER_STRIPE}, ` : ''}${sign === 1 ? '' : '-'}count(*)
      FROM ${transition} ${eachRegionLevel()}
      WHERE ${conditions.join(' AND ')}
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (${key}) DO UPDATE SET facts = h.facts + EXCLUDED.facts;`;
}

/** Creates one of the histogram's tables, fills it from the facts already there and adds the triggers that keep it exact. */
async function createHistogramTable(runner: QueryRunner, histogram: MonthHistogram, table: HistogramTable): Promise<void> {
  await runner.query(`CREATE TABLE ${histogram.of.schema}.${table.table} (
    region_prefix text COLLATE "C" NOT NULL,
    month date NOT NULL,
    ${table.column} ${table.type} NOT NULL,
    facts integer NOT NULL,
    PRIMARY KEY (region_prefix, month, ${table.column}) INCLUDE (facts))`);
  await runner.query(applyStatement(histogram, table, `${histogram.of.schema}.${histogram.of.source}`, 1));
  // Planned from its real size from the first question on, not as an empty table.
  await runner.query(`ANALYZE ${histogram.of.schema}.${table.table}`);
  const target = { schema: histogram.of.schema, table: table.table, source: histogram.of.source };
  await maintainByTriggers(runner, target, (facts, sign) => applyStatement(histogram, table, facts, sign));
}

async function dropHistogramTable(runner: QueryRunner, histogram: MonthHistogram, table: HistogramTable): Promise<void> {
  await dropTriggerMaintenance(runner, { schema: histogram.of.schema, table: table.table, source: histogram.of.source });
  await runner.query(`DROP TABLE ${histogram.of.schema}.${table.table}`);
}

/** Creates the histogram, by bucket and by whole day: what medianOverScopes reads. */
export async function createMonthHistogram(runner: QueryRunner, histogram: MonthHistogram): Promise<void> {
  await createHistogramTable(runner, histogram, byBucket(histogram));
  await keyBucketFirst(runner, histogram, byBucket(histogram), true);
  await createHistogramTable(runner, histogram, byDay(histogram));
}

export async function dropMonthHistogram(runner: QueryRunner, histogram: MonthHistogram): Promise<void> {
  await dropHistogramTable(runner, histogram, byDay(histogram));
  await dropHistogramTable(runner, histogram, byBucket(histogram));
}

/**
 * The migration that created the departments' histograms by bucket, as
 * first released (a database follows its migrations in order);
 * `histogramDaysMigration` then adds their tables by whole day.
 */
export function monthHistogramsMigration(histograms: readonly MonthHistogram[]): new () => MigrationInterface {
  return class MonthHistograms1767000000000 implements MigrationInterface {
    name = 'MonthHistograms1767000000000';

    async up(runner: QueryRunner): Promise<void> {
      for (const histogram of histograms) {
        await createHistogramTable(runner, histogram, byBucket(histogram));
      }
    }

    async down(runner: QueryRunner): Promise<void> {
      for (const histogram of [...histograms].reverse()) {
        await dropHistogramTable(runner, histogram, byBucket(histogram));
      }
    }
  };
}

/** The key of a histogram table with the bucket before the month: a median's day reads its buckets of every month as one range. */
async function keyBucketFirst(runner: QueryRunner, histogram: MonthHistogram, table: HistogramTable, bucketFirst: boolean): Promise<void> {
  const key = bucketFirst ? `region_prefix, ${table.column}, month` : `region_prefix, month, ${table.column}`;
  await runner.query(`ALTER TABLE ${histogram.of.schema}.${table.table} DROP CONSTRAINT ${table.table}_pkey, ADD PRIMARY KEY (${key}) INCLUDE (facts)`);
}

/**
 * Adds the tables by whole day to histograms created by bucket alone
 * (`monthHistogramsMigration`), and keys those by bucket before month.
 */
export function histogramDaysMigration(histograms: readonly MonthHistogram[], timestamp: number): new () => MigrationInterface {
  return class HistogramDays implements MigrationInterface {
    name = `HistogramDays${timestamp}`;

    async up(runner: QueryRunner): Promise<void> {
      for (const histogram of histograms) {
        await createHistogramTable(runner, histogram, byDay(histogram));
        await keyBucketFirst(runner, histogram, byBucket(histogram), true);
      }
    }

    async down(runner: QueryRunner): Promise<void> {
      for (const histogram of [...histograms].reverse()) {
        await keyBucketFirst(runner, histogram, byBucket(histogram), false);
        await dropHistogramTable(runner, histogram, byDay(histogram));
      }
    }
  };
}

/** A histogram's two tables (by bucket, keyed bucket before month; by whole day), as writerStripesMigration splits them across writer stripes. */
export function histogramTables(histogram: MonthHistogram): TriggerKeptTable[] {
  return [
    { table: byBucket(histogram), key: ['region_prefix', 'days', 'month'] },
    { table: byDay(histogram), key: ['region_prefix', 'month', 'day'] },
  ].map(({ table, key }) => ({
    schema: histogram.of.schema,
    table: table.table,
    key,
    include: ['facts'],
    measures: ['facts'],
    applyFunction: (striped: boolean) => applyFunction({ schema: histogram.of.schema, table: table.table }, (facts, sign) => applyStatement(histogram, table, facts, sign, striped)),
  }));
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
 * all counted by bucket. It finds the whole day(s) holding the middle from
 * the counts by day, then reads the buckets of those days alone: the same
 * median as over every bucket, from a sixth of the rows. Scopes without facts
 * are absent.
 */
export const medianOverScopes = builtOncePerShape(function medianOverScopes(histogram: MonthHistogram, prefixes: readonly string[], window: ChinaWindow): string {
  const months = monthWindow(histogram.of.time, window, histogram.table);
  const [buckets, days] = [byBucket(histogram), byDay(histogram)];
  const factsWithin = (condition: string, sign: 1 | -1 = 1) => countedFacts(histogram.of, { days: buckets.bucket, weight: String(sign) }, condition);
  // No edges (whole months only) still needs a region branch that reads nothing.
  const regionFacts = months.edges.length > 0 ? months.edges.map((edge) => factsWithin(edge.condition, edge.sign)).join(' UNION ALL ') : factsWithin('false');
  const facts = aggregatedOverScopes({ facts: factsWithin(months.facts), alias: 'f', aggregates: { facts: 'sum(f.weight)' }, regionFacts, groupBy: 'days' }, prefixes);
  const hasRegions = prefixes.some((prefix) => !isCommunityPrefix(prefix));
  const table = (of: HistogramTable) => `${histogram.of.schema}.${of.table}`;
  // float8 sums throughout: exact for counts this size, and much faster than the numeric that summing bigints gives.
  const wholeMonthDays = `UNION ALL SELECT ${SCOPE_CODE}, b.day, b.facts::float8 FROM ${SCOPES}
        JOIN ${table(days)} b ON length(scope.prefix) < 12 AND b.region_prefix = scope.prefix ${months.wholeMonths}`;
  const wholeMonthMiddleBuckets = `UNION ALL SELECT m.code, b.days, b.facts::float8 FROM middle m
        JOIN ${SCOPES} ON scope.code COLLATE "C" = m.code AND length(scope.prefix) < 12
        JOIN ${table(buckets)} b ON b.region_prefix = scope.prefix ${months.wholeMonths} AND b.days >= m.low_day AND b.days < m.high_day + 1`;
  return `WITH counted_facts AS MATERIALIZED (
      SELECT code, days, facts::float8 AS facts FROM (${facts}) scoped_facts
    ), by_day AS (
      SELECT code, day, sum(facts) AS facts FROM (
        SELECT code, floor(days)::integer AS day, facts FROM counted_facts
        ${hasRegions ? wholeMonthDays : ''}
      ) counted GROUP BY code, day HAVING sum(facts) > 0
    ), middle AS (
      -- The day of the lower middle value and of the upper one (the same for an odd count), and how many come before the first.
      SELECT code,
        min(day) FILTER (WHERE reached >= floor((total + 1) / 2)) AS low_day,
        min(day) FILTER (WHERE reached >= floor(total / 2) + 1) AS high_day,
        min(reached - facts) FILTER (WHERE reached >= floor((total + 1) / 2)) AS before_low_day,
        min(total) AS total
      FROM (SELECT code, day, facts, sum(facts) OVER (PARTITION BY code ORDER BY day) AS reached, sum(facts) OVER (PARTITION BY code) AS total FROM by_day) running_days
      GROUP BY code
    ), middle_buckets AS (
      SELECT code, days, sum(facts) AS facts FROM (
        SELECT f.code, f.days, f.facts FROM counted_facts f JOIN middle m ON m.code = f.code AND f.days >= m.low_day AND f.days < m.high_day + 1
        ${hasRegions ? wholeMonthMiddleBuckets : ''}
      ) counted GROUP BY code, days HAVING sum(facts) > 0
    )
    SELECT code, ${medianOfCounted('days', 'reached', 'total')} AS median FROM (
      SELECT b.code, b.days, m.before_low_day + sum(b.facts) OVER (PARTITION BY b.code ORDER BY b.days) AS reached, m.total
      FROM middle_buckets b JOIN middle m ON m.code = b.code
    ) running GROUP BY code`;
});
