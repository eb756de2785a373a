import { significantPrefix } from '@shequ/kit';
import { indicatorSpec } from '../catalogue/indicator-catalogue';
import { mediansCtes, periodRowsCtes, periodsCte, readsAssessment, readsMedians, type PeriodSpan } from '../store/period-rows';
import { SqlParameters } from '../store/sql-parameters';
import type { IndicatorCondition } from './indicator-table.input';

export interface TableQuery {
  period: PeriodSpan;
  previous: PeriodSpan | null;
  lastYear: PeriodSpan | null;
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

function formula(id: string, alias: string): string {
  return indicatorSpec(id).sql({ column: (name) => `${alias}.${name}` });
}

function conditionSql(condition: IndicatorCondition, value: string, parameters: SqlParameters): string[] {
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
 * One statement for a page of the table: the rows of the level inside the
 * regions asked for, summed over the period (and the comparison periods),
 * the conditions, a rank over every row that passes them, the total, and
 * the page after the cursor — whatever the page size. Medians that no
 * condition or sort needs are computed for the page's rows only.
 */
export function buildTableQuery(query: TableQuery): { sql: string; parameters: unknown[] } {
  const parameters = new SqlParameters();
  // A year's previous period is also the same period last year: each period once.
  const periods = [...new Map([query.period, query.previous, query.lastYear].filter((period): period is PeriodSpan => period !== null).map((period) => [period.label, period])).values()];
  const ranking = [...query.where.map((condition) => condition.indicator), ...(query.sort ? [query.sort.indicator] : [])];
  const mediansFirst = ranking.some(readsMedians);
  const lateColumns = new Set(mediansFirst ? [] : query.columns.filter(readsMedians));
  const communities = query.level === 'COMMUNITY';
  const scope = {
    communities,
    level: communities ? null : query.level,
    prefixes: query.within.map(significantPrefix),
    codes: null,
    tierSet: query.tierSet,
    communityTiers: query.communityTiers,
  };
  // In code order with no condition, a page is the next codes: only they are summed, and the rank is counted.
  const codeOrder = ranking.length === 0;
  const after = codeOrder && query.after ? (query.after[0] as string) : null;
  const ctes = [
    periodsCte(parameters, periods),
    ...periodRowsCtes(parameters, scope, {
      medians: mediansFirst,
      assessment: [...query.columns, ...ranking].some(readsAssessment),
      codeOrderPage: codeOrder ? { after, size: query.first + 1 } : undefined,
    }),
  ];
  const labels = {
    f: parameters.add(query.period.label, 'text'),
    p: query.previous ? parameters.add(query.previous.label, 'text') : null,
    y: query.lastYear ? parameters.add(query.lastYear.label, 'text') : null,
  };
  const compared = (['p', 'y'] as const).filter((alias) => labels[alias] !== null);

  const filters = [`f.period = ${labels.f}`];
  for (const condition of query.where) {
    filters.push(...conditionSql(condition, formula(condition.indicator, 'f'), parameters));
  }
  const joins = compared.map((alias) => `LEFT JOIN period_rows ${alias} ON ${alias}.period = ${labels[alias]} AND ${alias}.code = f.code`);
  // Each value column: v<i> of the period, p<i> and y<i> of the comparisons; a late median reads the page's medians.
  const values = query.columns.flatMap((id, index) =>
    (['f', ...compared] as const).map((alias) => ({ id, alias, name: `${alias === 'f' ? 'v' : alias}${index}`, late: lateColumns.has(id) })),
  );
  const selected = ['f.code', 'f.level', 'f.tier', ...values.filter((value) => !value.late).map((value) => `${formula(value.id, value.alias)} AS ${value.name}`)];
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
  ctes.push(
    `matching AS (
      SELECT ${selected.join(',\n             ')}
      FROM period_rows f
      ${joins.join('\n      ')}
      WHERE ${filters.join('\n        AND ')}
    )`,
    codeOrder
      ? `ranked AS (SELECT matching.*, ${after === null ? '' : `(SELECT count(*) FROM every_row WHERE code <= ${parameters.add(after, 'text')}) + `}row_number() OVER (ORDER BY code) AS rank,
                           (SELECT count(*) FROM every_row) AS total FROM matching)`
      : `ranked AS (SELECT matching.*, row_number() OVER (ORDER BY ${order}) AS rank, count(*) OVER () AS total FROM matching)`,
    `page AS (SELECT * FROM ranked WHERE ${keyset} ORDER BY rank LIMIT ${parameters.add(query.first + 1, 'int')})`,
  );
  const lateJoins: string[] = [];
  if (lateColumns.size) {
    ctes.push(...mediansCtes(parameters, scope, 'page', 'page_medians'));
    for (const alias of ['f', ...compared] as const) {
      lateJoins.push(`LEFT JOIN page_medians m${alias} ON m${alias}.period = ${labels[alias]} AND m${alias}.code = page.code`);
    }
  }
  const outputs = [
    'page.code', 'page.level', 'page.tier',
    ...values.map((value) => (value.late ? `${formula(value.id, `m${value.alias}`)} AS ${value.name}` : `page.${value.name}`)),
    'page.sort_value', 'page.rank', 'page.total',
  ];
  const sql = `
    WITH ${ctes.join(',\n    ')}
    SELECT ${outputs.join(', ')}, d.name FROM page JOIN statistics.directory d ON d.code = page.code ${lateJoins.join(' ')}
    UNION ALL
    SELECT ${outputs.map((output) => (output === 'page.total' ? 'counted.total' : 'NULL')).join(', ')}, NULL
    FROM (SELECT count(*) AS total FROM ranked) counted WHERE NOT EXISTS (SELECT 1 FROM page)
    ORDER BY rank NULLS LAST`;
  return { sql, parameters: parameters.values };
}
