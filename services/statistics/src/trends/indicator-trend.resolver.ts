import { Arg, Ctx, Field, Float, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { badUserInput, significantPrefix, Weight, type SubgraphContext } from '@shequ/kit';
import { assertMaySee } from '../access/indicator-access';
import { IndicatorDefinition, IndicatorId, Tier } from '../catalogue/catalogue.types';
import { indicatorSpec } from '../catalogue/indicator-catalogue';
import { definitionOf } from '../catalogue/indicator-definition';
import { currentChinaMonth, parseMonth, shiftMonth, spanOf, trendPeriods } from '../periods/period';
import { periodRowsCtes, periodsCte, readsAssessment, readsMedians } from '../store/period-rows';
import { SqlParameters } from '../store/sql-parameters';
import { Period } from '../table/indicator-table.type';
import { assertKnownRegions, readStoreContext } from '../table/store-context';
import { tierSetOf } from '../table/tier-set';

export enum TrendGranularity {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(TrendGranularity, { name: 'TrendGranularity', description: 'The length of one point of a trend (China months, quarters, years).' });

@ObjectType()
export class IndicatorPoint {
  @Field(() => Period)
  period: Period;

  @Field(() => Float, { nullable: true })
  value: number | null;
}

@ObjectType({ description: "One region's (or community's) points, oldest first." })
export class IndicatorSeries {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => [IndicatorPoint])
  points: IndicatorPoint[];
}

@ObjectType()
export class IndicatorTrend {
  @Field(() => IndicatorDefinition)
  indicator: IndicatorDefinition;

  @Field(() => Date, { nullable: true, description: 'When the store was last refreshed; null if never.' })
  asOf: Date | null;

  @Field(() => [IndicatorSeries])
  series: IndicatorSeries[];
}

const MAX_POINTS = 120;

@Resolver()
export class IndicatorTrendResolver {
  @Query(() => IndicatorTrend, { description: 'An indicator over time for some regions or communities: one point per China month, quarter or year from `from` to `to` (default the 24 months to the current one).' })
  @Weight(300)
  async indicatorTrend(
    @Ctx() context: SubgraphContext,
    @Arg('indicator', () => IndicatorId) indicator: string,
    @Arg('regionCodes', () => [String], { description: 'Region or community codes (1–50).' }) regionCodes: string[],
    @Arg('granularity', () => TrendGranularity, { defaultValue: TrendGranularity.MONTH }) granularity: TrendGranularity,
    @Arg('from', () => String, { nullable: true, description: 'YYYY-MM' }) from?: string | null,
    @Arg('to', () => String, { nullable: true, description: 'YYYY-MM' }) to?: string | null,
    @Arg('tiers', () => [Tier], { nullable: true }) tiers?: Tier[] | null,
  ): Promise<IndicatorTrend> {
    if (regionCodes.length < 1 || regionCodes.length > 50) {
      throw badUserInput('regionCodes', `give 1 to 50 codes (got ${regionCodes.length})`);
    }
    regionCodes.forEach((code) => {
      if (!/^(\d{6}|\d{9}|\d{12})$/.test(code)) {
        throw badUserInput('regionCodes', `${code.slice(0, 20)} is not a region or community code`);
      }
    });
    const last = to ? parseMonth(to, 'to') : currentChinaMonth();
    const firstMonth = from ? parseMonth(from, 'from') : shiftMonth(last, -23);
    if (firstMonth > last) {
      throw badUserInput('from', `must not be after to (${firstMonth} > ${last})`);
    }
    const periods = trendPeriods(granularity, firstMonth, last);
    if (periods.length > MAX_POINTS) {
      throw badUserInput('from', `a trend has at most ${MAX_POINTS} points (asked for ${periods.length})`);
    }
    assertMaySee(context.viewer, [indicator], regionCodes);
    const store = await readStoreContext(context.dataSource, regionCodes);
    assertKnownRegions(store, regionCodes, 'regionCodes', true);

    const spec = indicatorSpec(indicator);
    const spans = periods.map(spanOf);
    const rows: { code: string; period: string; value: number | null }[] = [];
    // Communities and regions are summed from different tables: one statement for each kind asked about.
    for (const communities of [false, true]) {
      const codes = regionCodes.filter((code) => (store.levels.get(code) === 'COMMUNITY') === communities);
      if (codes.length === 0) {
        continue;
      }
      const parameters = new SqlParameters();
      const scope = { communities, level: null, prefixes: codes.map(significantPrefix), codes, tierSet: tierSetOf(tiers), communityTiers: tiers?.length ? tiers : null };
      const ctes = [periodsCte(parameters, spans), ...periodRowsCtes(parameters, scope, { medians: readsMedians(indicator), assessment: readsAssessment(indicator) })];
      rows.push(...(await context.dataSource.query(`WITH ${ctes.join(',\n')} SELECT f.code, f.period, ${spec.sql({ column: (name) => `f.${name}` })} AS value FROM period_rows f`, parameters.values)));
    }
    const byKey = new Map(rows.map((row) => [`${row.code}|${row.period}`, row.value === null ? null : Number(row.value)]));
    return {
      indicator: definitionOf(spec),
      asOf: store.asOf,
      series: regionCodes.map((code) => ({
        code,
        name: store.names.get(code) as string,
        points: periods.map((period) => ({
          period: { kind: period.kind, label: period.label, first: period.first, last: period.last },
          value: byKey.get(`${code}|${period.label}`) ?? null,
        })),
      })),
    };
  }
}
