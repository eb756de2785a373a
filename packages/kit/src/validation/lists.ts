import { z } from 'zod';
import { readInput } from './input-rule';
import { assertId } from '../codes/ids';

function countRule<T>(min: number, max: number, noun: string) {
  return z.array(z.custom<T>()).refine((values) => values.length >= min && values.length <= max, (values) => ({
    message: `must list ${min} to ${max} ${noun} (got ${values.length})`,
  }));
}

/**
 * A list of record ids, `min` (default 1) to `max` of them, each an id the
 * graph returned. An id named twice counts once: naming a volunteer twice
 * in one confirmation asks for the same thing as naming them once.
 */
export function assertIds(values: readonly string[], argument: string, options: { max: number; min?: number }): string[] {
  readInput(countRule<string>(options.min ?? 1, options.max, 'ids'), values, argument);
  values.forEach((value) => assertId(value, argument));
  return [...new Set(values)];
}

/**
 * A list of choices (enum values, codes), `min` (default 1) to `max` of them,
 * none twice: a repeated choice is more likely a slip than a wish.
 */
export function assertDistinct<T>(values: readonly T[], argument: string, options: { max: number; min?: number }): T[] {
  const rule = countRule<T>(options.min ?? 1, options.max, 'values').refine((list) => new Set(list).size === list.length, { message: 'lists a value twice' });
  return [...readInput(rule, values, argument)];
}
