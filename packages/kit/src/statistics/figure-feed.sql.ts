import { addDays, addMonths, chinaDays, chinaPeriodSql, chinaToday, sqlDate, sqlInstant, type ChinaWindow } from '../time/china-time';
import { distributionBucketSql } from './distribution-bucket';

/*
 * The SQL a figure feed runs, written from a department's declaration of
 * where its figures come from. Every statement takes the same two
 * parameters: `$1` the code after which the page starts (exclusive) and `$2`
 * the code up to which it reaches (inclusive), both C-collated, so that each
 * fact source is read by its code index or, for a month, by its time index.
 */

/** What places a fact in a China month: an instant or a calendar day. */
export interface FigureTime {
  column: string;
  type: 'timestamptz' | 'date';
}

/** One table (or join) the figures of a part come from, aggregated per community. */
export interface FigureSource {
  /** FROM clause with its alias, e.g. `service_delivery.service_request r`. */
  from: string;
  /** The community code column, e.g. `r.community_code`. */
  code: string;
  /** The facts that count (besides the month, for a flow). */
  where?: string;
  /** Flows: the column that dates a fact; the month's facts are those dated within it. */
  time?: FigureTime;
  /** measure → an additive aggregate (count, sum) over the source's facts of one community. */
  values: Record<string, string>;
}

/** Facts whose durations make a distribution (a median's raw material). */
export interface SampleSource {
  measure: string;
  from: string;
  code: string;
  where?: string;
  time?: FigureTime;
  /** The duration in days, as float8. */
  days: string;
}

/** Members of a distinct count, one row per (community, member). */
export interface MemberSource {
  measure: string;
  from: string;
  code: string;
  where?: string;
  /** The member's identity as text. */
  member: string;
}

/** The flows (by month) or the stocks (as of now) of a department. */
export interface FigurePart {
  /** snake_case names, in the order of every row's values. */
  measures: readonly string[];
  sources: readonly FigureSource[];
  samples?: readonly SampleSource[];
  members?: readonly MemberSource[];
  /** Stocks: measures that are null, not 0, for a community no source row of which gives them (a figure nobody recorded). */
  nullWhenAbsent?: readonly string[];
}

/** The parameters of every feed statement. */
export interface CodeRange {
  /** Exclusive. */
  after: string;
  /** Inclusive. */
  through: string;
}

const inRange = (column: string) => `${column} > ($1::text COLLATE "C") AND ${column} <= ($2::text COLLATE "C")`;

/** The China month "YYYY-MM" as a window of its China days. */
export function monthWindow(month: string): ChinaWindow {
  const first = `${month}-01`;
  return chinaDays(first, addDays(addMonths(first, 1), -1));
}

/** Facts dated within the window, and none after today. */
function datedWithin(time: FigureTime, window: ChinaWindow): string {
  const today = chinaToday();
  const last = window.last < today ? window.last : today;
  const until = chinaDays(window.first, last).until;
  return time.type === 'timestamptz'
    ? `${time.column} >= ${sqlInstant(window.since)} AND ${time.column} < ${sqlInstant(until)}`
    : `${time.column} >= ${sqlDate(window.first)} AND ${time.column} <= ${sqlDate(last)}`;
}

/** Facts dated up to today (a flow's months never run into the future). */
function datedUpToToday(time: FigureTime): string {
  const today = chinaToday();
  return time.type === 'timestamptz' ? `${time.column} < ${sqlInstant(chinaDays(today, today).until)}` : `${time.column} <= ${sqlDate(today)}`;
}

const conditions = (...parts: (string | undefined)[]) => parts.filter((part): part is string => !!part).map((part) => `(${part})`).join(' AND ');

function timeOf(source: { time?: FigureTime }, what: string): FigureTime {
  if (!source.time) {
    throw new Error(`a flow's ${what} needs a time column`);
  }
  return source.time;
}

/** Each source's facts of the scope as rows (keys…, one numeric column per measure), for summing per key. */
function sourceSelects(part: FigurePart, keys: (source: FigureSource) => string[], where: (source: FigureSource) => string): string {
  return part.sources
    .map((source) => {
      const keyColumns = keys(source);
      const values = part.measures.map((measure, index) => `${source.values[measure] ? `(${source.values[measure]})::numeric` : 'NULL::numeric'} AS m${index}`);
      for (const measure of Object.keys(source.values)) {
        if (!part.measures.includes(measure)) {
          throw new Error(`${measure} is not one of the part's measures`);
        }
      }
      return `SELECT ${[...keyColumns, ...values].join(', ')} FROM ${source.from} WHERE ${where(source)} GROUP BY ${keyColumns.map((_, index) => index + 1).join(', ')}`;
    })
    .join('\n  UNION ALL\n  ');
}

/** The outer value of each measure: 0 when no source had it, unless the part says null. */
function measureColumns(part: FigurePart): string[] {
  return part.measures.map((measure, index) => (part.nullWhenAbsent?.includes(measure) ? `sum(m${index})::float8 AS m${index}` : `coalesce(sum(m${index}), 0)::float8 AS m${index}`));
}

const anyNonZero = (part: FigurePart) => part.measures.map((_, index) => `coalesce(sum(m${index}), 0) <> 0`).join(' OR ');

/**
 * A page of rows: each community within the range with a non-zero flow of
 * the month (or, for stocks, with anything recorded), in code order, at most
 * `limit` of them. One statement over every source.
 */
export function figureRowsSql(part: FigurePart, window: ChinaWindow | null, limit: number): string {
  const having = window ? `HAVING ${anyNonZero(part)}` : '';
  return `SELECT community_code, ${measureColumns(part).join(', ')} FROM (
  ${sourceSelects(part, (source) => [`${source.code} AS community_code`], (source) => conditions(source.where, window ? datedWithin(timeOf(source, 'source'), window) : undefined, inRange(source.code)))}
) facts GROUP BY community_code ${having} ORDER BY community_code LIMIT ${Math.trunc(limit)}`;
}

/** The distribution samples of the communities in the range, bucketed by `distributionBucket`. */
export function figureSamplesSql(part: FigurePart, window: ChinaWindow | null): string | null {
  if (!part.samples?.length) {
    return null;
  }
  const selects = part.samples.map(
    (sample) => `SELECT ${sample.code} AS community_code, '${sample.measure}'::text AS measure, ${distributionBucketSql(sample.days)} AS value, count(*) AS n
    FROM ${sample.from} WHERE ${conditions(sample.where, window ? datedWithin(timeOf(sample, 'sample'), window) : undefined, inRange(sample.code))} GROUP BY 1, 2, 3`,
  );
  return `SELECT community_code, measure, value, sum(n)::int AS count FROM (${selects.join(' UNION ALL ')}) samples
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
}

/** The members of the communities in the range. */
export function figureMembersSql(part: FigurePart): string | null {
  if (!part.members?.length) {
    return null;
  }
  const selects = part.members.map(
    (member) => `SELECT ${member.code} AS community_code, '${member.measure}'::text AS measure, (${member.member})::text AS member
    FROM ${member.from} WHERE ${conditions(member.where, inRange(member.code))}`,
  );
  return `SELECT DISTINCT community_code, measure, member FROM (${selects.join(' UNION ALL ')}) members ORDER BY 1, 2, 3`;
}

/** The China month a fact falls in, as the `timestamp` of its first midnight: grouped on, and formatted only once per month. */
function monthStartOf(time: FigureTime): string {
  return time.type === 'timestamptz' ? chinaPeriodSql(time.column, `'month'`) : `date_trunc('month', ${time.column}::timestamp)`;
}

/** The row of a source's one table (its alias, or its name unqualified), whose version columns a fingerprint reads. */
function factRowOf(from: string): string {
  const words = from.trim().split(/\s+/);
  if (words.length > 2) {
    throw new Error(`a flow's source reads one table, optionally aliased: ${from}`);
  }
  return words.length === 2 ? words[1] : (words[0].split('.').pop() as string);
}

/**
 * Every month holding a flow, oldest first, with the number of facts dated
 * in it and a fingerprint of those facts' row versions. A row's `xmin` is
 * the transaction that wrote this version of it: an insert, an update or a
 * delete of a fact changes its month's sum of hashes (and an update that
 * moves a fact changes both months'), whatever column it touches, so the
 * print changes whenever the month's figures can have. One statement; each
 * source read once, aggregated by month alone: no (month, community) groups
 * to hash or spill, which at stress scale made this list the refresh's
 * longest statement.
 */
export function figureMonthsSql(part: FigurePart): string {
  const facts = [
    ...part.sources.map((source) => ({ from: source.from, time: timeOf(source, 'source'), code: source.code, where: source.where })),
    ...(part.samples ?? []).map((sample) => ({ from: sample.from, time: timeOf(sample, 'sample'), code: sample.code, where: sample.where })),
  ].map(
    ({ from, time, code, where }, index) => `SELECT ${monthStartOf(time)} AS month, hashtextextended(${factRowOf(from)}.xmin::text || ':${index}', 0) AS print
    FROM ${from} WHERE ${conditions(where, `${time.column} IS NOT NULL`, datedUpToToday(time), inRange(code))}`,
  );
  return `SELECT to_char(month, 'YYYY-MM') AS month, count(*)::int AS rows, md5(sum(print)::text) AS fingerprint FROM (
  ${facts.join('\n  UNION ALL\n  ')}
) facts GROUP BY month ORDER BY 1`;
}

/** The China months from the first asked to the last asked (sorted "YYYY-MM"), as one window. */
function monthsWindow(months: readonly string[]): ChinaWindow {
  return chinaDays(monthWindow(months[0]).first, monthWindow(months[months.length - 1]).last);
}

/**
 * A block's rows: each (China month, community) of the range with a non-zero
 * flow, for the months in `$3` (a text[] of "YYYY-MM", sorted, given here
 * too for the window), in code and month order, at most `limit` rows. One
 * statement over every source, each read once for every month asked: by its
 * code index when the range is narrow, whatever the months.
 */
export function figureBlockRowsSql(part: FigurePart, months: readonly string[], limit: number): string {
  const window = monthsWindow(months);
  return `SELECT * FROM (
  SELECT to_char(month, 'YYYY-MM') AS month, community_code, ${measureColumns(part).join(', ')} FROM (
  ${sourceSelects(
    part,
    (source) => [`${monthStartOf(timeOf(source, 'source'))} AS month`, `${source.code} AS community_code`],
    (source) => conditions(source.where, datedWithin(timeOf(source, 'source'), window), inRange(source.code)),
  )}
  ) facts GROUP BY month, community_code HAVING ${anyNonZero(part)}
) block WHERE month = ANY($3::text[]) ORDER BY community_code, month LIMIT ${Math.trunc(limit)}`;
}

/** A block's distribution samples, for the months in `$3`, bucketed by `distributionBucket`. */
export function figureBlockSamplesSql(part: FigurePart, months: readonly string[]): string | null {
  if (!part.samples?.length) {
    return null;
  }
  const window = monthsWindow(months);
  const selects = part.samples.map(
    (sample) => `SELECT ${monthStartOf(timeOf(sample, 'sample'))} AS month, ${sample.code} AS community_code, '${sample.measure}'::text AS measure, ${distributionBucketSql(sample.days)} AS value, count(*) AS n
    FROM ${sample.from} WHERE ${conditions(sample.where, datedWithin(timeOf(sample, 'sample'), window), inRange(sample.code))} GROUP BY 1, 2, 3, 4`,
  );
  return `SELECT * FROM (
  SELECT to_char(month, 'YYYY-MM') AS month, community_code, measure, value, sum(n)::int AS count FROM (${selects.join(' UNION ALL ')}) samples GROUP BY 1, 2, 3, 4
) block WHERE month = ANY($3::text[]) ORDER BY community_code, month, measure, value`;
}
