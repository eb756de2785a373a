import { assertRegionCode, significantPrefix } from '../codes/division-codes';
import { badUserInput } from '../errors/graphql-errors';
import { addMonths, chinaDate, chinaMidnight } from '../time/china-time';
import { assertDate, assertInstant, ANY_TIME } from '../validation/dates';
import type { Granularity } from './granularity';

/** The longest span a trend covers: 20 China calendar years. */
export const MAX_TREND_YEARS = 20;

/** A trend's region and its span [from, to), read once for every trend of the graph. */
export interface TrendWindow<Bound extends Date | string> {
  regionCode: string;
  /** The region's significant prefix, for `codeWithinPrefix`. */
  prefix: string;
  from: Bound;
  to: Bound;
  granularity: Granularity;
}

/** The same moment of the China day `MAX_TREND_YEARS` years after `from`. */
function latestEnd(from: Date): Date {
  const day = chinaDate(from);
  return new Date(chinaMidnight(addMonths(day, MAX_TREND_YEARS * 12)).getTime() + (from.getTime() - chinaMidnight(day).getTime()));
}

/**
 * Reads a trend's arguments: `regionCode`, and `from` (inclusive) before `to`
 * (exclusive) at most 20 years apart — as instants (`DateTimeISO`), or as
 * China dates (YYYY-MM-DD, 2000–2100) when the trend's facts are dated by day.
 * A refusal is BAD_USER_INPUT naming `regionCode`, `from` or `to`.
 */
export function readTrendWindow(window: { regionCode: string; from: Date; to: Date; granularity: Granularity }): TrendWindow<Date>;
export function readTrendWindow(window: { regionCode: string; from: string; to: string; granularity: Granularity }): TrendWindow<string>;
export function readTrendWindow(window: { regionCode: string; from: Date | string; to: Date | string; granularity: Granularity }): TrendWindow<Date | string> {
  assertRegionCode(window.regionCode, 'regionCode');
  const prefix = significantPrefix(window.regionCode);
  if (typeof window.from === 'string' || typeof window.to === 'string') {
    const from = assertDate(String(window.from), 'from');
    const to = assertDate(String(window.to), 'to');
    if (to <= from) {
      throw badUserInput('to', 'must come after from');
    }
    if (to > addMonths(from, MAX_TREND_YEARS * 12)) {
      throw badUserInput('to', `a trend spans at most ${MAX_TREND_YEARS} years`);
    }
    return { regionCode: window.regionCode, prefix, from, to, granularity: window.granularity };
  }
  // A trend's bounds are where to look, not facts: far ones are refused by the span, not by a record's range.
  const from = assertInstant(window.from, 'from', ANY_TIME);
  const to = assertInstant(window.to, 'to', ANY_TIME);
  if (to <= from) {
    throw badUserInput('to', 'must come after from');
  }
  if (to > latestEnd(from)) {
    throw badUserInput('to', `a trend spans at most ${MAX_TREND_YEARS} years`);
  }
  return { regionCode: window.regionCode, prefix, from, to, granularity: window.granularity };
}
