import { z } from 'zod';
import { readInput } from './input-rule';

/** The programme's records start in 2000; a year outside 2000–2100 is a typo (and year 0 is no date PostgreSQL has). */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export function integerRule(min: number, max: number) {
  return z.number().refine((value) => Number.isInteger(value) && value >= min && value <= max, (value) => ({
    message: `must be a whole number from ${min} to ${max} (got ${value})`,
  }));
}

/** A whole number from `min` to `max`, both included. */
export function assertIntegerBetween(value: number, argument: string, min: number, max: number): number {
  return readInput(integerRule(min, max), value, argument);
}

/** A calendar year from 2000 to 2100, or to `last` when a field allows less (e.g. next year at most). */
export function assertYear(value: number, argument: string, last = LAST_YEAR): number {
  const rule = z.number().refine((year) => Number.isInteger(year) && year >= FIRST_YEAR && year <= last, (year) => ({
    message: `must be a year from ${FIRST_YEAR} to ${last} (got ${year})`,
  }));
  return readInput(rule, value, argument);
}
