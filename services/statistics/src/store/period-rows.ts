import { codeWithinPrefix, medianOfCounted } from '@shequ/kit';
import { assessmentStagesSql, ASSESSMENT_COLUMNS } from '../catalogue/assessment-indicators';
import { figureSql, indicatorSpec } from '../catalogue/indicator-catalogue';
import { ALL_FLOWS, ALL_MEMBERS, ALL_SAMPLES, ALL_STOCKS, FEED_DEPARTMENTS, REPORTING_COLUMN } from '../catalogue/measures';
import type { SqlParameters } from './sql-parameters';

/*
 * A period's rows, summed when asked. Each row (a community, or a region for
 * a set of tiers) carries the same columns whatever the period: its
 * communities of each tier; its flows summed over the period's months
 * (`community_month`, or the region's `region_month` rows of the set's
 * tiers); the stocks of the period's latest snapshot (`stock_figure`; none:
 * null); the medians of its summed distribution samples; and, when asked, the
 * assessment of those figures. Indicator formulas read these columns.
 */

/** A period of whole China months, first and last "YYYY-MM". */
export interface PeriodSpan {
  label: string;
  first: string;
  last: string;
}

/** Which rows: communities or regions (of one level, or any), within some regions or exactly some codes. */
export interface RowScope {
  communities: boolean;
  /** Regions only: one level, or null for any region level. */
  level: string | null;
  /** The significant prefixes every row lies within. */
  prefixes: readonly string[];
  /** Exactly these codes, or null: every row of the level within the prefixes. */
  codes: readonly string[] | null;
  /** Regions: the set of tiers their figures add up (1 ADVANCED, 2 STANDARD, 4 FOUNDATIONAL). Communities: 7. */
  tierSet: number;
  /** Communities only: of these tiers. */
  communityTiers: readonly string[] | null;
}

const REPORTING = FEED_DEPARTMENTS.map((department) => REPORTING_COLUMN[department]);
const DISTINCTS = ALL_MEMBERS.map((measure) => `distinct_${measure}`);
export const MEDIAN_COLUMNS = ALL_SAMPLES.map((measure) => `median_${measure}`);
const TIER_BITS = [1, 2, 4];

/** The row columns an indicator's formula reads. */
export function columnsRead(id: string): string[] {
  const read: string[] = [];
  indicatorSpec(id).sql({ column: (name) => (read.push(name), name) });
  return read;
}

export const readsMedians = (id: string) => columnsRead(id).some((column) => MEDIAN_COLUMNS.includes(column));
export const readsAssessment = (id: string) => columnsRead(id).some((column) => ASSESSMENT_COLUMNS.includes(column));

function codeFilter(parameters: SqlParameters, column: string, scope: RowScope): string {
  const ranges = scope.prefixes.map((prefix) => codeWithinPrefix(column, parameters.add(prefix, 'text')));
  const parts = [`(${ranges.join(' OR ')})`];
  if (scope.codes) {
    parts.push(`${column} = ANY(${parameters.add(scope.codes, 'text[]')})`);
  }
  return parts.join(' AND ');
}

/** `periods`: the periods asked for, as (period, first_month, last_month). */
export function periodsCte(parameters: SqlParameters, periods: readonly PeriodSpan[]): string {
  const labels = parameters.add(periods.map((period) => period.label), 'text[]');
  const firsts = parameters.add(periods.map((period) => period.first), 'char(7)[]');
  const lasts = parameters.add(periods.map((period) => period.last), 'char(7)[]');
  return `periods AS (SELECT * FROM unnest(${labels}, ${firsts}, ${lasts}) AS p(period, first_month, last_month))`;
}

/**
 * `<output>(period, code, median_…)`: the medians of the rows `codes` (a
 * relation with a `code` column) over `periods`, from their communities'
 * summed samples: the middle value, or the mean of the two middle values of
 * an even count (as percentile_cont(0.5)).
 */
export function mediansCtes(parameters: SqlParameters, scope: RowScope, codes: string, output: string): string[] {
  if (ALL_SAMPLES.length === 0) {
    return [`${output} AS (SELECT NULL::text AS period, NULL::text AS code WHERE false)`];
  }
  const within = codeFilter(parameters, 's.community_code', { ...scope, codes: null });
  const samples = scope.communities
    ? `SELECT p.period, s.community_code AS code, s.measure, s.value, sum(s.count) AS n
       FROM periods p JOIN statistics.sample s ON s.month BETWEEN p.first_month AND p.last_month
       WHERE ${within} AND s.community_code IN (SELECT code FROM ${codes})
       GROUP BY 1, 2, 3, 4`
    : `SELECT p.period, sm.scope_code AS code, s.measure, s.value, sum(s.count) AS n
       FROM periods p JOIN statistics.sample s ON s.month BETWEEN p.first_month AND p.last_month
       JOIN statistics.scope_member sm ON sm.community_code = s.community_code AND sm.tier_set = ${parameters.add(scope.tierSet, 'smallint')}
         AND sm.scope_code IN (SELECT code FROM ${codes})
       WHERE ${within}
       GROUP BY 1, 2, 3, 4`;
  return [
    `${output}_samples AS (${samples})`,
    `${output}_running AS (
       SELECT period, code, measure, value,
              sum(n) OVER (PARTITION BY period, code, measure ORDER BY value) AS reached,
              sum(n) OVER (PARTITION BY period, code, measure) AS total
       FROM ${output}_samples)`,
    `${output} AS (
       SELECT period, code, ${ALL_SAMPLES.map((measure) => `max(median) FILTER (WHERE measure = '${measure}') AS median_${measure}`).join(', ')}
       FROM (SELECT period, code, measure,
                    ${medianOfCounted('value', 'reached', 'total')} AS median
             FROM ${output}_running GROUP BY 1, 2, 3) medians
       GROUP BY 1, 2)`,
  ];
}

/**
 * CTE definitions ending in `period_rows`: every row of `scope` for every
 * period of the `periods` CTE. Medians are joined only with `medians` (else
 * the caller adds them to the rows it keeps); the assessment columns only
 * with `assessment`.
 */
export function periodRowsCtes(
  parameters: SqlParameters,
  scope: RowScope,
  options: { medians: boolean; assessment: boolean; codeOrderPage?: { after: string | null; size: number } },
): string[] {
  const tierSet = scope.communities ? 7 : scope.tierSet;
  const levelFilter = (column: string) =>
    scope.communities ? `${column} = 'COMMUNITY'` : scope.level ? `${column} = ${parameters.add(scope.level, 'text')}` : `${column} <> 'COMMUNITY'`;
  const spineFilters = [`sc.tier_set = ${parameters.add(tierSet, 'smallint')}`, levelFilter('sc.level'), codeFilter(parameters, 'sc.code', scope)];
  if (scope.communities && scope.communityTiers?.length) {
    spineFilters.push(`sc.tier = ANY(${parameters.add(scope.communityTiers, 'text[]')})`);
  }
  const page = options.codeOrderPage;
  // A page in code order is a range of codes: only its rows are summed (`every_row` keeps the rest, for counting).
  const pageRange = (column: string) => (page ? ` AND ${column} >= (SELECT min(code) FROM spine) AND ${column} <= (SELECT max(code) FROM spine)` : '');
  const sums = ALL_FLOWS.map((name) => `sum(m.${name}) AS ${name}`).join(', ');
  const flows = scope.communities
    ? `SELECT p.period, m.community_code AS code, ${sums}
       FROM periods p JOIN statistics.community_month m ON m.month BETWEEN p.first_month AND p.last_month
       WHERE ${codeFilter(parameters, 'm.community_code', scope)}${pageRange('m.community_code')}
       GROUP BY 1, 2`
    : `SELECT p.period, m.code, ${sums}
       FROM periods p JOIN statistics.region_month m ON m.month BETWEEN p.first_month AND p.last_month
       WHERE m.tier_bit = ANY(${parameters.add(TIER_BITS.filter((bit) => tierSet & bit), 'smallint[]')}) AND ${levelFilter('m.level')} AND ${codeFilter(parameters, 'm.code', scope)}${pageRange('m.code')}
       GROUP BY 1, 2`;
  const spine = `SELECT sc.* FROM statistics.scope_count sc WHERE ${spineFilters.join(' AND ')}`;
  const ctes = page
    ? [
        `every_row AS (${spine})`,
        `spine AS (SELECT * FROM every_row ${page.after === null ? '' : `WHERE code > ${parameters.add(page.after, 'text')}`} ORDER BY code LIMIT ${parameters.add(page.size, 'int')})`,
      ]
    : [`spine AS (${spine})`];
  ctes.push(
    `flows AS (${flows})`,
    // The period's snapshot: the latest month in it that the store snapshotted stocks in.
    `snapshots AS (SELECT p.period, (SELECT max(s.month) FROM statistics.stock_figure s WHERE s.month BETWEEN p.first_month AND p.last_month) AS month FROM periods p)`,
  );
  if (options.medians) {
    ctes.push(...mediansCtes(parameters, scope, 'spine', 'spine_medians'));
  }
  const rows = options.assessment ? 'period_rows_figures' : 'period_rows';
  ctes.push(`${rows} AS (
    SELECT p.period, sp.code, sp.level, sp.tier, sp.community_count, sp.advanced, sp.standard, sp.foundational,
           ${ALL_FLOWS.map((name) => `coalesce(f.${name}, 0)::float8 AS ${name}`).join(', ')},
           ${ALL_STOCKS.map((name) => `st.${name}`).join(', ')},
           ${REPORTING.map((name) => `coalesce(st.${name}, 0) AS ${name}`).join(', ')}
           ${DISTINCTS.map((name) => `, st.${name}`).join('')}
           ${options.medians ? MEDIAN_COLUMNS.map((name) => `, md.${name}`).join('') : ''}
    FROM periods p
    CROSS JOIN spine sp
    JOIN snapshots sn ON sn.period = p.period
    LEFT JOIN flows f ON f.period = p.period AND f.code = sp.code
    LEFT JOIN statistics.stock_figure st ON st.month = sn.month AND st.tier_set = sp.tier_set AND st.level = sp.level AND st.code = sp.code
    ${options.medians ? 'LEFT JOIN spine_medians md ON md.period = p.period AND md.code = sp.code' : ''})`);
  if (options.assessment) {
    ctes.push(...assessmentStagesSql(rows, 'period_rows', figureSql));
  }
  return ctes;
}
