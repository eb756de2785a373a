import { badUserInput, chinaToday } from '@shequ/kit';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const EARLIEST_DATE = '2000-01-01';

export function assertText(value: string, argument: string, max = 500): string {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > max) {
    throw badUserInput(argument, `must be 1–${max} characters`);
  }
  return trimmed;
}

export function assertIntBetween(value: number, argument: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(argument, `must be a whole number between ${min} and ${max} (got ${value})`);
  }
  return value;
}

/** Today in China: a date of today is the present, whatever the hour in UTC. */
export function todayIso(): string {
  return chinaToday();
}

/**
 * A calendar day written YYYY-MM-DD, from 2000 up to today: every date this
 * subgraph records is something that has already happened.
 */
export function assertPastDate(value: string, argument: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw badUserInput(argument, `"${value}" is not a date written YYYY-MM-DD`);
  }
  if (value < EARLIEST_DATE || value > todayIso()) {
    throw badUserInput(argument, `must lie between ${EARLIEST_DATE} and today`);
  }
  return value;
}

/** Phone numbers as written in mainland China: 11 digits starting with 1, or a landline with area code. */
export function assertPhone(value: string, argument: string): string {
  const trimmed = value.trim();
  if (!/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(trimmed)) {
    throw badUserInput(argument, 'must be an 11-digit mobile number or a landline with its area code');
  }
  return trimmed;
}

/** The 18-character resident identity number: 17 digits and a check character. */
export function assertIdNumber(value: string, argument: string): string {
  const trimmed = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(trimmed)) {
    throw badUserInput(argument, 'must be an 18-character resident identity number');
  }
  return trimmed;
}
