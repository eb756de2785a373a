import { assertDecimal } from './decimal';

/**
 * An amount in yuan, to the fen, from `min` (default 0) to `max`; more than
 * `min` when `exclusiveMin`. A fraction of a fen is refused, not rounded:
 * 0.001 yuan would be stored as 0, which the range had just ruled out.
 */
export function assertYuan(value: number, argument: string, rule: { max: number; min?: number; exclusiveMin?: boolean }): number {
  return assertDecimal(value, argument, { min: rule.min ?? 0, max: rule.max, places: 2, exclusiveMin: rule.exclusiveMin });
}
