import type { MigrationInterface, QueryRunner } from 'typeorm';
import { builtOncePerShape, isCommunityPrefix, SCOPES } from './scopes';
import { sqlDate, sqlInstant, type ChinaWindow } from '../time/china-time';
import { WRITER_STRIPE, type TriggerKeptTable } from './writer-stripes';

/**
 * A fact table summed by month for every region level (province, prefecture,
 * county and street: the prefixes of a community code), kept exact by
 * statement-level triggers. A region's figure then adds up its own row per
 * month (a year: 12 rows, for the province as for a street) instead of
 * scanning millions of facts; a community's own figures still read its few
 * facts directly.
 *
 * Rows whose time is NULL (or a table summed without time) fall in the
 * `-infinity` month, which only windowless sums include.
 */
export interface MonthSummary {
  /** The department's schema, which holds both tables. */
  schema: string;
  /** The summary table's name. */
  table: string;
  /** The fact table's name; it has a `community_code` column. */
  source: string;
  /**
   * The column that places a fact in a month; absent for figures without
   * time. It gets an index holding `community_code` and the `include`
   * columns — every column the measures (or a median over the same facts)
   * read — so a region finds the facts of a window's edges, and a median its
   * window's facts, by time in the index alone.
   */
  time?: { column: string; type: 'timestamptz' | 'date'; include?: string[] };
  /** Facts that count, as a predicate over the fact table's columns (unqualified). */
  filter?: string;
  /** Additive measures: name → the per-fact value summed (over unqualified columns). */
  measures: Record<string, string>;
}

const NO_MONTH = `'-infinity'::date`;

/** The month a fact of `alias` falls in: UTC months of instants (see monthWindow), `-infinity` without a time. */
export function monthOf(summary: Pick<MonthSummary, 'time'>, alias: string): string {
  if (!summary.time) {
    return NO_MONTH;
  }
  const column = `${alias}.${summary.time.column}`;
  const instant = summary.time.type === 'timestamptz' ? `(${column} AT TIME ZONE 'UTC')` : column;
  return `coalesce(date_trunc('month', ${instant})::date, ${NO_MONTH})`;
}

/** The region levels summaries and histograms keep: the prefixes a region's communities share (`significantPrefix`: 62, 6201, 620102, 620102001). */
export const REGION_PREFIX_LENGTHS: readonly number[] = [2, 4, 6, 9];

/** `CROSS JOIN LATERAL` each fact's prefixes of the given lengths, as `region_level.prefix`: a fact counted once per level. */
export function eachRegionLevel(prefixLengths: readonly number[] = REGION_PREFIX_LENGTHS): string {
  return `CROSS JOIN LATERAL (VALUES ${prefixLengths.map((length) => `(left(community_code, ${length}))`).join(', ')}) AS region_level(prefix)`;
}

/**
 * How a summary's rows are keyed: by every region level (`region_prefix`),
 * so a region reads its own rows only; or by street alone (`street_code`),
 * as summaries were first released, where a province added up every street.
 */
interface SummaryLayout {
  key: 'region_prefix' | 'street_code';
  prefixLengths: readonly number[];
}

const BY_REGION_LEVEL: SummaryLayout = { key: 'region_prefix', prefixLengths: REGION_PREFIX_LENGTHS };
const BY_STREET: SummaryLayout = { key: 'street_code', prefixLengths: [9] };

/**
 * Counts the facts of `transition` (a transition table, or the source itself
 * for the backfill) into the summary with `sign`, once per kept level: into
 * the writer's stripe when `striped` (see writer-stripes), else the key's
 * one row.
 */
function applyStatement(summary: MonthSummary, layout: SummaryLayout, transition: string, sign: 1 | -1, striped = false): string {
  const names = Object.keys(summary.measures);
  const sums = names.map((name) => `${sign === 1 ? '' : '-'}sum(${summary.measures[name]})`).join(', ');
  const target = `${summary.schema}.${summary.table}`;
  const stripe = striped ? ['stripe'] : [];
  return `INSERT INTO ${target} AS s (${[layout.key, 'month', ...stripe, ...names].join(', ')})
      SELECT region_level.prefix, ${monthOf(summary, transition)}, ${striped ? `${WRITER_STRIPE}, ` : ''}${sums}
      FROM ${transition} ${eachRegionLevel(layout.prefixLengths)}
      ${summary.filter ? `WHERE ${summary.filter}` : ''}
      GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (${[layout.key, 'month', ...stripe].join(', ')}) DO UPDATE SET ${names.map((name) => `${name} = s.${name} + EXCLUDED.${name}`).join(', ')};`;
}

/**
 * `<table>_apply()`, created or replaced: `apply(facts, sign)` is the
 * statement that counts a transition table in (+1) or out (−1).
 */
export function applyFunction(target: { schema: string; table: string }, apply: (facts: string, sign: 1 | -1) => string): string {
  return `
    CREATE OR REPLACE FUNCTION ${target.schema}.${target.table}_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        ${apply('old_facts', -1)}
      END IF;
      IF TG_OP IN ('UPDATE', 'INSERT') THEN
        ${apply('new_facts', 1)}
      END IF;
      RETURN NULL;
    END $$`;
}

/**
 * Creates `<table>_apply()` (see applyFunction) and the statement-level
 * triggers on the source that call it with the changed facts as transition
 * tables. (The seed truncates facts and their summaries together, so
 * TRUNCATE needs no trigger.)
 */
export async function maintainByTriggers(runner: QueryRunner, target: { schema: string; table: string; source: string }, apply: (facts: string, sign: 1 | -1) => string): Promise<void> {
  const name = `${target.schema}.${target.table}`;
  await runner.query(applyFunction(target, apply));
  const source = `${target.schema}.${target.source}`;
  await runner.query(`CREATE TRIGGER ${target.table}_insert AFTER INSERT ON ${source}
    REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION ${name}_apply()`);
  await runner.query(`CREATE TRIGGER ${target.table}_update AFTER UPDATE ON ${source}
    REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION ${name}_apply()`);
  await runner.query(`CREATE TRIGGER ${target.table}_delete AFTER DELETE ON ${source}
    REFERENCING OLD TABLE AS old_facts FOR EACH STATEMENT EXECUTE FUNCTION ${name}_apply()`);
}

export async function dropTriggerMaintenance(runner: QueryRunner, target: { schema: string; table: string; source: string }): Promise<void> {
  for (const event of ['insert', 'update', 'delete']) {
    await runner.query(`DROP TRIGGER ${target.table}_${event} ON ${target.schema}.${target.source}`);
  }
  await runner.query(`DROP FUNCTION ${target.schema}.${target.table}_apply()`);
}

/** The summary's table in `layout`, filled from the facts already there, with the triggers that keep it exact. */
async function createSummaryTable(runner: QueryRunner, summary: MonthSummary, layout: SummaryLayout): Promise<void> {
  const names = Object.keys(summary.measures);
  await runner.query(`CREATE TABLE ${summary.schema}.${summary.table} (
    ${layout.key} text COLLATE "C" NOT NULL,
    month date NOT NULL,
    ${names.map((name) => `${name} numeric NOT NULL DEFAULT 0`).join(',\n    ')},
    PRIMARY KEY (${layout.key}, month))`);
  await runner.query(applyStatement(summary, layout, `${summary.schema}.${summary.source}`, 1));
  // Planned from its real size from the first question on, not as an empty table.
  await runner.query(`ANALYZE ${summary.schema}.${summary.table}`);
  await maintainByTriggers(runner, summary, (facts, sign) => applyStatement(summary, layout, facts, sign));
}

async function dropSummaryTable(runner: QueryRunner, summary: MonthSummary): Promise<void> {
  await dropTriggerMaintenance(runner, summary);
  await runner.query(`DROP TABLE ${summary.schema}.${summary.table}`);
}

/** The index by which regions find the facts of a window's edges (and medians their window's facts). */
async function createTimeIndex(runner: QueryRunner, summary: MonthSummary): Promise<void> {
  if (summary.time) {
    const include = ['community_code', ...(summary.time.include ?? [])].join(', ');
    await runner.query(`CREATE INDEX ${summary.table}_time_idx ON ${summary.schema}.${summary.source} (${summary.time.column}) INCLUDE (${include})${summary.filter ? ` WHERE ${summary.filter}` : ''}`);
  }
}

/**
 * Creates the summary kept by region level (table, backfill, triggers, time
 * index): what summedOverScopes reads.
 */
export async function createMonthSummary(runner: QueryRunner, summary: MonthSummary): Promise<void> {
  await createSummaryTable(runner, summary, BY_REGION_LEVEL);
  await createTimeIndex(runner, summary);
}

export async function dropMonthSummary(runner: QueryRunner, summary: MonthSummary): Promise<void> {
  await dropSummaryTable(runner, summary);
  await runner.query(`DROP INDEX IF EXISTS ${summary.schema}.${summary.table}_time_idx`);
}

/** A summary kept by region level, as writerStripesMigration splits it across writer stripes. */
export function summaryTable(summary: MonthSummary): TriggerKeptTable {
  return {
    schema: summary.schema,
    table: summary.table,
    key: [BY_REGION_LEVEL.key, 'month'],
    include: [],
    measures: Object.keys(summary.measures),
    applyFunction: (striped) => applyFunction(summary, (facts, sign) => applyStatement(summary, BY_REGION_LEVEL, facts, sign, striped)),
  };
}

/** Grouping by the scope compares bytes, not the database locale's rules: codes sort the same, and a province's worth of rows sorts faster. */
export const SCOPE_CODE = 'scope.code COLLATE "C" AS code';

/**
 * The migration that creates a department's summaries, kept by region level
 * (tables, backfill, triggers, time indexes). Summaries added later come in
 * a migration of their own, with a later `timestamp`.
 */
export function monthSummariesMigration(summaries: readonly MonthSummary[], timestamp: number): new () => MigrationInterface {
  return class MonthSummaries implements MigrationInterface {
    name = `MonthSummaries${timestamp}`;

    async up(runner: QueryRunner): Promise<void> {
      for (const summary of summaries) {
        await createMonthSummary(runner, summary);
      }
    }

    async down(runner: QueryRunner): Promise<void> {
      for (const summary of [...summaries].reverse()) {
        await dropMonthSummary(runner, summary);
      }
    }
  };
}

/**
 * The migrations of the summaries as first released, kept by street alone
 * (a database follows its migrations in order, so these stay as they ran);
 * `regionLevelSummariesMigration` then keeps the same summaries by region
 * level. New summaries use `monthSummariesMigration`.
 */
export function streetMonthSummariesMigration(summaries: readonly MonthSummary[], timestamp = 1764900000000): new () => MigrationInterface {
  return class StreetMonthSummaries implements MigrationInterface {
    name = `StreetMonthSummaries${timestamp}`;

    async up(runner: QueryRunner): Promise<void> {
      for (const summary of summaries) {
        await createSummaryTable(runner, summary, BY_STREET);
        await createTimeIndex(runner, summary);
      }
    }

    async down(runner: QueryRunner): Promise<void> {
      for (const summary of [...summaries].reverse()) {
        await dropMonthSummary(runner, summary);
      }
    }
  };
}

/**
 * Rebuilds summaries kept by street as summaries kept by region level, under
 * the same table names: a province then adds up its 12 months' rows instead
 * of every street's. The facts' time indexes stay as they are.
 */
export function regionLevelSummariesMigration(summaries: readonly MonthSummary[], timestamp: number): new () => MigrationInterface {
  const rebuiltAs = (layout: SummaryLayout) => async (runner: QueryRunner) => {
    for (const summary of summaries) {
      await dropSummaryTable(runner, summary);
      await createSummaryTable(runner, summary, layout);
    }
  };
  return class RegionLevelSummaries implements MigrationInterface {
    name = `RegionLevelSummaries${timestamp}`;
    up = rebuiltAs(BY_REGION_LEVEL);
    down = rebuiltAs(BY_STREET);
  };
}

/** Aggregates over facts for the scopes of a batch; see aggregatedOverScopes. */
export interface ScopedAggregates {
  /** A SELECT of facts with a `community_code` column. */
  facts: string;
  /** The alias the aggregates call the facts by. */
  alias: string;
  /** Output column → aggregate expression over the facts' columns. */
  aggregates: Record<string, string>;
  /** A SELECT of the same columns giving the facts regions read, when not all of `facts` (e.g. time index ranges); communities read all theirs. */
  regionFacts?: string;
  /** A column of the facts to group by as well, answered under its own name (a histogram's value, say). */
  groupBy?: string;
}

/**
 * A statement answering the aggregates for each scope of a batch (`$1::text[]`
 * codes, `$2::text[]` their prefixes, given here too so the statement holds
 * only the branches the batch needs), as `code` and the aggregates' names. A
 * community aggregates its facts, found by its code's index. Regions group
 * the facts once per depth the batch asks for by the code's first digits (a
 * depth with one region just filters them), so the province and its
 * prefectures cost one pass over the facts each, and no fact is joined to
 * its scopes row by row. Scopes without facts are absent.
 */
export function aggregatedOverScopes({ facts, alias, aggregates, regionFacts = facts, groupBy }: ScopedAggregates, prefixes: readonly string[]): string {
  const names = Object.keys(aggregates);
  const columns = names.map((name) => `${aggregates[name]} AS ${name}`).join(', ');
  const grouped = groupBy ? `${alias}.${groupBy}, ` : '';
  const branches: string[] = [];
  if (prefixes.some(isCommunityPrefix)) {
    branches.push(`SELECT ${SCOPE_CODE}, ${grouped}${columns} FROM ${SCOPES} JOIN (${facts}) ${alias} ON ${alias}.community_code = scope.prefix
      WHERE length(scope.prefix) = 12 GROUP BY scope.code${groupBy ? `, ${alias}.${groupBy}` : ''}`);
  }
  const regionPrefixes = prefixes.filter((prefix) => !isCommunityPrefix(prefix));
  for (const depth of new Set(regionPrefixes.map((prefix) => prefix.length))) {
    const prefix = `left(${alias}.community_code, ${depth})`;
    if (regionPrefixes.filter((candidate) => candidate.length === depth).length === 1) {
      // The only region of its depth (the province, say) takes its facts whole: no grouping, no sort by prefix.
      branches.push(`SELECT ${SCOPE_CODE}, ${[...(groupBy ? [groupBy] : []), ...names].map((name) => `only_region.${name}`).join(', ')}
      FROM ${SCOPES} CROSS JOIN LATERAL (SELECT ${grouped}${columns} FROM (${regionFacts}) ${alias}
        WHERE ${prefix} = scope.prefix ${groupBy ? `GROUP BY ${alias}.${groupBy}` : 'HAVING count(*) > 0'}) only_region
      WHERE length(scope.prefix) = ${depth}`);
      continue;
    }
    branches.push(`SELECT ${SCOPE_CODE}, ${[...(groupBy ? [groupBy] : []), ...names].map((name) => `by_prefix.${name}`).join(', ')}
      FROM (SELECT ${prefix} COLLATE "C" AS prefix, ${grouped}${columns} FROM (${regionFacts}) ${alias}
        WHERE ${prefix} = ANY($2::text[]) GROUP BY 1${groupBy ? ', 2' : ''}) by_prefix
      JOIN ${SCOPES} ON scope.prefix = by_prefix.prefix`);
  }
  if (branches.length === 0) {
    throw new Error('aggregatedOverScopes needs at least one scope');
  }
  return branches.join('\n      UNION ALL\n      ');
}

/** A range of a fact's time `[from, to)`, counted in (+1) or out (−1) of a region's whole months. */
export interface FactRange {
  condition: string;
  sign: 1 | -1;
}

/**
 * A window over facts kept by month: the summary's months to add up (a
 * condition on `b.month`, starting with AND), the facts a community reads
 * (on `fact_time`), and the fact ranges that make a region's months exactly
 * the window. A partial edge month is read as the part inside the window
 * when that is the smaller part, else as the whole month from the summary
 * minus the facts outside the window — a "last 12 months" that starts on
 * the 2nd reads one day of facts, not thirty. Without a window every month
 * is whole.
 */
export interface MonthWindow {
  wholeMonths: string;
  facts: string;
  edges: FactRange[];
}

const DAY_MS = 86_400_000;
// Summaries keep instants in UTC months: a storage bucket only, never a period anyone is shown. The window itself is
// China time (the kit's ChinaWindow), and its edges are read from the facts, so a region's figure is exactly the sum
// over the China-time window whatever the buckets.
const monthStartOf = (at: number) => Date.UTC(new Date(at).getUTCFullYear(), new Date(at).getUTCMonth(), 1);
const nextMonthOf = (monthStart: number) => Date.UTC(new Date(monthStart).getUTCFullYear(), new Date(monthStart).getUTCMonth() + 1, 1);

export function monthWindow(time: { type: 'timestamptz' | 'date' } | undefined, window: ChinaWindow | undefined, table: string): MonthWindow {
  if (!window) {
    return { wholeMonths: '', facts: 'true', edges: [] };
  }
  if (!time) {
    throw new Error(`${table} has no time column to window`);
  }
  const isInstant = time.type === 'timestamptz';
  // [since, until) on the column's own axis: instants, or UTC midnights standing for dates (the last day included).
  const since = isInstant ? window.since.getTime() : Date.parse(`${window.first}T00:00:00Z`);
  const until = isInstant ? window.until.getTime() : Date.parse(`${window.last}T00:00:00Z`) + DAY_MS;
  const literal = (at: number) => (isInstant ? sqlInstant(new Date(at)) : sqlDate(new Date(at).toISOString().slice(0, 10)));
  const range = (from: number, to: number, sign: 1 | -1): FactRange => ({ condition: `fact_time >= ${literal(from)} AND fact_time < ${literal(to)}`, sign });
  const firstMonth = monthStartOf(since);
  const lastMonth = monthStartOf(until);
  let wholeFrom = since === firstMonth ? firstMonth : nextMonthOf(firstMonth);
  let wholeTo = lastMonth;
  const edges: FactRange[] = [];
  /** A partial month: its part in the window, or the whole month less the rest, whichever reads fewer facts. */
  const edge = (month: number, inside: [number, number], outside: [number, number][]) => {
    const insideLength = inside[1] - inside[0];
    if (insideLength * 2 <= nextMonthOf(month) - month) {
      edges.push(range(inside[0], inside[1], 1));
      return false;
    }
    edges.push(...outside.filter(([from, to]) => to > from).map(([from, to]) => range(from, to, -1)));
    return true;
  };
  if (firstMonth === lastMonth) {
    // The window lies within one month.
    if (since > firstMonth && edge(firstMonth, [since, until], [[firstMonth, since], [until, nextMonthOf(firstMonth)]])) {
      [wholeFrom, wholeTo] = [firstMonth, nextMonthOf(firstMonth)];
    }
  } else {
    if (since > firstMonth && edge(firstMonth, [since, nextMonthOf(firstMonth)], [[firstMonth, since]])) {
      wholeFrom = firstMonth;
    }
    if (until > lastMonth && edge(lastMonth, [lastMonth, until], [[until, nextMonthOf(lastMonth)]])) {
      wholeTo = nextMonthOf(lastMonth);
    }
  }
  const month = (at: number) => sqlDate(new Date(at).toISOString().slice(0, 10));
  return {
    wholeMonths: wholeTo > wholeFrom ? `AND b.month >= ${month(wholeFrom)} AND b.month < ${month(wholeTo)}` : 'AND false',
    facts: range(since, until, 1).condition,
    edges,
  };
}

/**
 * The facts of a summary's source that count, as a SELECT of
 * `community_code`, `fact_time` and the given columns (name → SQL over the
 * source's unqualified columns), within `condition` over those names. A
 * subquery, so the columns cannot clash with the scope's; the planner
 * flattens it.
 */
export function countedFacts(summary: Pick<MonthSummary, 'schema' | 'source' | 'time' | 'filter'>, columns: Record<string, string>, condition: string): string {
  const selected = Object.entries(columns).map(([name, value]) => `${value} AS ${name}`);
  return `SELECT * FROM (SELECT community_code${summary.time ? `, ${summary.time.column} AS fact_time` : ''}, ${selected.join(', ')}
      FROM ${summary.schema}.${summary.source} ${summary.filter ? `WHERE ${summary.filter}` : ''}) windowed WHERE ${condition}`;
}

/**
 * A statement answering the summary's measures for the scopes of a batch
 * (`$1` codes, `$2` their prefixes; see aggregatedOverScopes), exactly as if summed
 * over the facts in the window: a region adds up the whole months inside the
 * window from the summary and reads only the facts of the window's partial
 * first and last months; a community reads its own facts. Scopes without any
 * fact are absent from the result.
 */
export const summedOverScopes = builtOncePerShape(function summedOverScopes(summary: MonthSummary, prefixes: readonly string[], window?: ChinaWindow): string {
  const names = Object.keys(summary.measures);
  const months = monthWindow(summary.time, window, summary.table);
  const factsWithin = (condition: string, sign: 1 | -1 = 1) =>
    countedFacts(summary, Object.fromEntries(names.map((name) => [name, sign === 1 ? summary.measures[name] : `-(${summary.measures[name]})`])), condition);
  // No edges (whole months only) still needs a region branch that reads nothing.
  const regionFacts = months.edges.length > 0 ? months.edges.map((edge) => factsWithin(edge.condition, edge.sign)).join(' UNION ALL ') : factsWithin('false');
  // Without a window a region is all summary; with one, its edge months come from the facts.
  const factScopes = window ? prefixes : prefixes.filter(isCommunityPrefix);
  const sums = Object.fromEntries(names.map((name) => [name, `sum(f.${name})`]));
  const branches = factScopes.length > 0 ? [aggregatedOverScopes({ facts: factsWithin(months.facts), alias: 'f', aggregates: sums, regionFacts }, factScopes)] : [];
  if (prefixes.some((prefix) => !isCommunityPrefix(prefix))) {
    branches.push(`SELECT ${SCOPE_CODE}, ${names.map((name) => `b.${name}`).join(', ')}
      FROM ${SCOPES}
      JOIN ${summary.schema}.${summary.table} b ON length(scope.prefix) < 12 AND b.region_prefix = scope.prefix ${months.wholeMonths}`);
  }
  return `SELECT code, ${names.map((name) => `sum(${name}) AS ${name}`).join(', ')} FROM (
      ${branches.join('\n      UNION ALL\n      ')}
    ) summed GROUP BY code`;
});
