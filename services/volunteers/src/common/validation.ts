import { assertId, badUserInput } from '@shequ/kit';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Trimmed text of 1..max characters. */
export function assertText(value: string, argument: string, max: number): string {
  const text = value.trim();
  if (text.length === 0 || [...text].length > max) {
    throw badUserInput(argument, `must be 1 to ${max} characters`);
  }
  return text;
}

export function assertIds(values: readonly string[], argument: string, max: number): string[] {
  if (values.length === 0 || values.length > max) {
    throw badUserInput(argument, `must list 1 to ${max} ids`);
  }
  values.forEach((value) => assertId(value, argument));
  return [...new Set(values)];
}

// The programme's records start in 2000; a year outside 2000–2100 is a typo, and year 0 is no date PostgreSQL has.
const EARLIEST_DATE = '2000-01-01';
const LATEST_DATE = '2100-12-31';

/** A calendar date written YYYY-MM-DD that exists, from 2000 to 2100. */
export function assertDate(value: string, argument: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw badUserInput(argument, `"${value}" is not a date (YYYY-MM-DD)`);
  }
  if (value < EARLIEST_DATE || value > LATEST_DATE) {
    throw badUserInput(argument, `must lie between ${EARLIEST_DATE} and ${LATEST_DATE}`);
  }
  return value;
}

export function assertValidDate(value: Date, argument: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw badUserInput(argument, 'is not a valid date-time');
  }
  return value;
}

export function assertIntegerBetween(value: number, argument: string, low: number, high: number): number {
  if (!Number.isInteger(value) || value < low || value > high) {
    throw badUserInput(argument, `must be a whole number from ${low} to ${high}`);
  }
  return value;
}

/** Hours in quarter-hour steps, as the time bank keeps them (0 < hours ≤ max). */
export function assertHours(value: number, argument: string, max: number): number {
  if (!Number.isFinite(value) || value <= 0 || value > max || Math.round(value * 4) !== value * 4) {
    throw badUserInput(argument, `must be more than 0 and at most ${max} hours, in steps of 0.25`);
  }
  return value;
}

export function assertDistinct<T>(values: readonly T[], argument: string, max: number, min = 1): T[] {
  if (values.length < min || values.length > max) {
    throw badUserInput(argument, `must list ${min} to ${max} values`);
  }
  if (new Set(values).size !== values.length) {
    throw badUserInput(argument, 'lists a value twice');
  }
  return [...values];
}
