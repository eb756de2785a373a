import { badUserInput } from '../errors/graphql-errors';

export interface DecimalRule {
  min: number;
  max: number;
  /** Digits after the point the value may have: 2 for yuan to the fen, 1 for tenths of an hour. */
  places: number;
  /** `min` itself is refused (amounts and durations must be more than nothing). */
  exclusiveMin?: boolean;
}

/**
 * A decimal within its range and on its step, refused rather than rounded:
 * rounding 0.001 yuan would store 0, which the range had just ruled out, and
 * rounding 0.05 hours would record a figure nobody sent.
 */
export function assertDecimal(value: number, argument: string, rule: DecimalRule): number {
  const scaled = value * 10 ** rule.places;
  const belowMin = rule.exclusiveMin ? value <= rule.min : value < rule.min;
  if (!Number.isFinite(value) || belowMin || value > rule.max || Math.abs(scaled - Math.round(scaled)) > 1e-9 * Math.max(1, Math.abs(scaled))) {
    const step = rule.places === 0 ? 'a whole number' : `at most ${rule.places} decimal place${rule.places === 1 ? '' : 's'}`;
    throw badUserInput(argument, `must be ${rule.exclusiveMin ? 'more than' : 'at least'} ${rule.min} and at most ${rule.max}, with ${step} (got ${value})`);
  }
  return value;
}
