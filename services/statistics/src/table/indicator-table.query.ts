import { codeWithinPrefix, significantPrefix } from '@shequ/kit';
import { indicatorSpec } from '../catalogue/indicator-catalogue';
import type { IndicatorCondition } from './indicator-table.input';

export interface TableQuery {
  periodLabel: string;
  previousLabel: string | null;
  lastYearLabel: string | null;
  tierSet: number;
  level: string;
  within: string[];
  /** Community rows only: their tiers. */
  communityTiers: string[] | null;
  columns: string[];
  where: IndicatorCondition[];
  sort: { indicator: string; descending: boolean } | null;
  /** Keyset: the last row's [sort value, code] (or [code] when sorted by code). */
  after: unknown[] | null;
  first: number;
}

export interface TableRow {
  code: string;
  name: string;
  level: string;
  tier: string | null;
  rank: string;
  total: string;
  sort_value: number | null;
  [column: string]: unknown;
}

/** Collects parameters as SQL placeholders. */
class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

function formula(id: string, alias: string): string {
  return indicatorSpec(id).sql({ column: (name) => `${alias}.${name}` });
}

function conditionSql(condition: IndicatorCondition, value: string, parameters: Parameters): string[] {
  const parts: string[] = [];
  const bound = (operator: string, bound: number | null | undefined) => {
    if (bound !== null && bound !== undefined) {
      parts.push(`${value} ${operator} ${parameters.add(bound, 'float8')}`);
    }
  };
  bound('>', condition.gt);
  bound('>=', condition.gte);
  bound('<', condition.lt);
  bound('<=', condition.lte);
  if (condition.between) {
    parts.push(`${value} BETWEEN ${parameters.add(condition.between[0], 'float8')} AND ${parameters.add(condition.between[1], 'float8')}`);
  }
  if (condition.in) {
    parts.push(`${value} = ANY(${parameters.add(condition.in, 'float8[]')})`);
  }
  if (condition.isNull !== null && condition.isNull !== undefined) {
    parts.push(`${value} IS ${condition.isNull ? '' : 'NOT '}NULL`);
  }
  return parts;
}

/**
 * One statement for a page of the table: the period's rows of the level
 * inside the regions asked for (an index range on (period, tier_set, level,
 * code) per region), the conditions, a rank over every row that passes them,
 * the total, the comparison periods' rows by primary key, and the page after
 * the cursor — whatever the page size.
 */
export function buildTableQuery(query: TableQuery): { sql: string; parameters: unknown[] } {
  const parameters = new Parameters();
  const period = parameters.add(query.periodLabel, 'text');
  const tierSet = parameters.add(query.tierSet, 'smallint');
  const level = parameters.add(query.level, 'text');
  const ranges = query.within.map((code) => codeWithinPrefix('f.code', parameters.add(significantPrefix(code), 'text')));
  const filters = [`f.period = ${period}`, `f.tier_set = ${tierSet}`, `f.level = ${level}`, `(${ranges.join(' OR ')})`];
  if (query.communityTiers) {
    filters.push(`f.tier = ANY(${parameters.add(query.communityTiers, 'text[]')})`);
  }
  for (const condition of query.where) {
    filters.push(...conditionSql(condition, formula(condition.indicator, 'f'), parameters));
  }
  const joins: string[] = [];
  const selected = ['f.code', 'f.level', 'f.tier'];
  query.columns.forEach((id, index) => {
    selected.push(`${formula(id, 'f')} AS v${index}`);
  });
  if (query.previousLabel) {
    joins.push(`LEFT JOIN statistics.period_figure p ON p.period = ${parameters.add(query.previousLabel, 'text')} AND p.tier_set = f.tier_set AND p.code = f.code`);
    query.columns.forEach((id, index) => selected.push(`${formula(id, 'p')} AS p${index}`));
  }
  if (query.lastYearLabel) {
    joins.push(`LEFT JOIN statistics.period_figure y ON y.period = ${parameters.add(query.lastYearLabel, 'text')} AND y.tier_set = f.tier_set AND y.code = f.code`);
    query.columns.forEach((id, index) => selected.push(`${formula(id, 'y')} AS y${index}`));
  }
  selected.push(query.sort ? `${formula(query.sort.indicator, 'f')} AS sort_value` : 'NULL::float8 AS sort_value');

  const direction = query.sort?.descending ? 'DESC' : 'ASC';
  const order = query.sort ? `sort_value ${direction} NULLS LAST, code` : 'code';
  let keyset = 'true';
  if (query.after) {
    if (!query.sort) {
      keyset = `code > ${parameters.add(query.after[0], 'text')}`;
    } else {
      const [value, code] = query.after as [number | null, string];
      const lastCode = parameters.add(code, 'text');
      keyset =
        value === null
          ? `(sort_value IS NULL AND code > ${lastCode})`
          : `(sort_value ${query.sort.descending ? '<' : '>'} ${parameters.add(value, 'float8')} OR (sort_value = ${parameters.add(value, 'float8')} AND code > ${lastCode}) OR sort_value IS NULL)`;
    }
  }
  const sql = `
    WITH matching AS (
      SELECT ${selected.join(',\n             ')}
      FROM statistics.period_figure f
      ${joins.join('\n      ')}
      WHERE ${filters.join('\n        AND ')}
    ), ranked AS (
      SELECT matching.*, row_number() OVER (ORDER BY ${order}) AS rank, count(*) OVER () AS total FROM matching
    ), page AS (
      SELECT * FROM ranked WHERE ${keyset} ORDER BY rank LIMIT ${parameters.add(query.first + 1, 'int')}
    )
    SELECT page.*, d.name FROM page JOIN statistics.directory d ON d.code = page.code
    UNION ALL
    SELECT NULL, NULL, NULL, ${[...selected.slice(3).map(() => 'NULL')].join(', ')}, NULL, (SELECT count(*) FROM ranked), NULL
    WHERE NOT EXISTS (SELECT 1 FROM page)
    ORDER BY rank NULLS LAST`;
  return { sql, parameters: parameters.values };
}
