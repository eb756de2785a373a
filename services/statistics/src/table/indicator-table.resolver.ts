import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { assertRegionCode, badUserInput, encodeCursor, Weight, type SubgraphContext } from '@shequ/kit';
import { assertMaySee } from '../access/indicator-access';
import { indicatorSpec } from '../catalogue/indicator-catalogue';
import { definitionOf } from '../catalogue/indicator-definition';
import type { Tier } from '../catalogue/catalogue.types';
import { parsePeriodInput, previousPeriod, samePeriodLastYear, spanOf, type StorePeriod } from '../periods/period';
import { IndicatorTableInput, PeriodComparison, TableLevel } from './indicator-table.input';
import { IndicatorTable, type IndicatorValue, type Period } from './indicator-table.type';
import { buildTableQuery, type TableRow } from './indicator-table.query';
import { assertKnownRegions, readStoreContext } from './store-context';
import { tierSetOf } from './tier-set';

export const MAX_TABLE_PAGE = 1000;
export const MAX_COLUMNS = 60;
const LEVEL_ORDER: string[] = [TableLevel.PROVINCE, TableLevel.PREFECTURE, TableLevel.COUNTY, TableLevel.STREET, TableLevel.COMMUNITY];

const periodOf = (period: StorePeriod): Period => ({ kind: period.kind, label: period.label, first: period.first, last: period.last });
const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const change = (value: number | null, earlier: number | null) => (value === null || earlier === null ? null : value - earlier);

const CURSOR = /^[A-Za-z0-9_-]{1,400}$/;

function readCursor(after: string | null | undefined, sorted: boolean): unknown[] | null {
  if (after === null || after === undefined) {
    return null;
  }
  try {
    if (CURSOR.test(after)) {
      const key: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
      const code = (value: unknown) => typeof value === 'string' && /^\d{6,12}$/.test(value);
      if (Array.isArray(key) && !sorted && key.length === 1 && code(key[0])) {
        return key;
      }
      if (Array.isArray(key) && sorted && key.length === 2 && (key[0] === null || Number.isFinite(key[0])) && code(key[1])) {
        return key;
      }
    }
  } catch {
    // reported below
  }
  throw badUserInput('after', 'not a cursor returned by this list');
}

function validate(input: IndicatorTableInput, first: number): string[] {
  if (!Number.isInteger(first) || first < 0 || first > MAX_TABLE_PAGE) {
    throw badUserInput('first', `must be between 0 and ${MAX_TABLE_PAGE} (got ${first})`);
  }
  if (input.indicators.length < 1 || input.indicators.length > MAX_COLUMNS) {
    throw badUserInput('input.indicators', `give 1 to ${MAX_COLUMNS} indicators (got ${input.indicators.length})`);
  }
  const within = input.within ?? ['620000'];
  if (within.length < 1 || within.length > 100) {
    throw badUserInput('input.within', `give 1 to 100 region codes (got ${within.length})`);
  }
  within.forEach((code) => assertRegionCode(code, 'input.within'));
  (input.where ?? []).forEach((condition, index) => {
    if (condition.between && condition.between.length !== 2) {
      throw badUserInput(`input.where[${index}].between`, `give exactly two values, from and to (got ${condition.between.length})`);
    }
    if (condition.in && (condition.in.length < 1 || condition.in.length > 1000)) {
      throw badUserInput(`input.where[${index}].in`, `give 1 to 1000 values (got ${condition.in.length})`);
    }
  });
  return within;
}

@Resolver()
export class IndicatorTableResolver {
  @Query(() => IndicatorTable, {
    description:
      'Rows of one level (regions or communities) inside the regions asked for, with the indicators asked for over a period, filtered, sorted and ranked, a page at a time (first 0–1000). Region rows are recomputed from their communities\' numerators and denominators.',
  })
  // Measured at province scale: the province's communities over twelve months, a page of 100 with comparisons.
  @Weight(1500)
  async indicatorTable(
    @Ctx() context: SubgraphContext,
    @Arg('input', () => IndicatorTableInput) input: IndicatorTableInput,
    @Arg('first', () => Int, { defaultValue: 100, description: '0–1000.' }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<IndicatorTable> {
    const within = validate(input, first);
    const period = parsePeriodInput(input.period);
    const cursor = readCursor(after, !!input.sort);
    const referenced = [...input.indicators, ...(input.where ?? []).map((condition) => condition.indicator), ...(input.sort ? [input.sort.indicator] : [])];
    assertMaySee(context.viewer, referenced, within);

    const store = await readStoreContext(context.dataSource, within);
    assertKnownRegions(store, within, 'input.within');
    for (const code of within) {
      if (LEVEL_ORDER.indexOf(input.level) < LEVEL_ORDER.indexOf(store.levels.get(code) as string)) {
        throw badUserInput('input.level', `${input.level} is above ${code}, a ${store.levels.get(code)}: ask for its level or one below it`);
      }
    }
    const compare = new Set(input.compare ?? []);
    const previous = compare.has(PeriodComparison.PREVIOUS_PERIOD) ? previousPeriod(period) : null;
    const lastYear = compare.has(PeriodComparison.SAME_PERIOD_LAST_YEAR) ? samePeriodLastYear(period) : null;
    const { sql, parameters } = buildTableQuery({
      period: spanOf(period),
      previous: previous ? spanOf(previous) : null,
      lastYear: lastYear ? spanOf(lastYear) : null,
      tierSet: input.level === TableLevel.COMMUNITY ? 7 : tierSetOf(input.tiers),
      level: input.level,
      within,
      communityTiers: input.level === TableLevel.COMMUNITY && input.tiers?.length ? (input.tiers as Tier[]) : null,
      columns: input.indicators,
      where: input.where ?? [],
      sort: input.sort ? { indicator: input.sort.indicator, descending: input.sort.order === 'DESC' } : null,
      after: cursor,
      first,
    });
    const rows: TableRow[] = await context.dataSource.query(sql, parameters);
    const totalCount = Number(rows[0]?.total ?? 0);
    const pageRows = rows.filter((row) => row.code !== null);
    const nodes = pageRows.slice(0, first).map((row) => ({
      node: {
        rank: Number(row.rank),
        code: row.code,
        name: row.name,
        level: row.level as TableLevel,
        tier: row.tier as Tier | null,
        region: row.level === TableLevel.COMMUNITY ? null : { code: row.code },
        community: row.level === TableLevel.COMMUNITY ? { code: row.code } : null,
        figures: input.indicators.map((_, index) => numberOrNull(row[`v${index}`])),
        values: input.indicators.map((indicator, index): IndicatorValue => {
          const value = numberOrNull(row[`v${index}`]);
          const earlier = previous ? numberOrNull(row[`p${index}`]) : null;
          const lastYearValue = lastYear ? numberOrNull(row[`y${index}`]) : null;
          return {
            indicator,
            value,
            previousPeriod: earlier,
            changeFromPreviousPeriod: change(value, earlier),
            samePeriodLastYear: lastYearValue,
            changeFromSamePeriodLastYear: change(value, lastYearValue),
          };
        }),
      },
      cursor: encodeCursor(input.sort ? [numberOrNull(row.sort_value), row.code] : [row.code]),
    }));
    return {
      columns: input.indicators.map((id) => definitionOf(indicatorSpec(id))),
      period: periodOf(period),
      previousPeriod: previous ? periodOf(previous) : null,
      samePeriodLastYear: lastYear ? periodOf(lastYear) : null,
      asOf: store.asOf,
      totalCount,
      edges: nodes,
      pageInfo: {
        hasNextPage: pageRows.length > first,
        hasPreviousPage: !!cursor,
        startCursor: nodes[0]?.cursor ?? null,
        endCursor: nodes[nodes.length - 1]?.cursor ?? null,
      },
    };
  }
}
