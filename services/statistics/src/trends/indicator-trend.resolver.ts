import { Arg, Ctx, Field, Float, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { badUserInput, Weight, type SubgraphContext } from '@shequ/kit';
import { assertMaySee } from '../access/indicator-access';
import { IndicatorDefinition, IndicatorId, Tier } from '../catalogue/catalogue.types';
import { indicatorSpec } from '../catalogue/indicator-catalogue';
import { definitionOf } from '../catalogue/indicator-definition';
import { currentChinaMonth, parseMonth, shiftMonth, trendPeriods } from '../periods/period';
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
    const value = spec.sql({ column: (name) => `f.${name}` });
    // A community's row holds every tier (7); its tier filter is whether it is of one of them.
    const rows: { code: string; period: string; value: number | null }[] = await context.dataSource.query(
      `SELECT f.code, f.period, ${value} AS value
       FROM statistics.period_figure f
       WHERE f.period = ANY($1::text[]) AND f.code = ANY($2::text[])
         AND ((f.level <> 'COMMUNITY' AND f.tier_set = $3) OR (f.level = 'COMMUNITY' AND f.tier_set = 7 AND ($4::text[] IS NULL OR f.tier = ANY($4::text[]))))`,
      [periods.map((period) => period.label), regionCodes, tierSetOf(tiers), tiers?.length ? tiers : null],
    );
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
