import { z } from 'zod';
import { chinaMidnight, chinaToday } from '../time/china-time';
import { readInput } from './input-rule';
import { FIRST_YEAR, LAST_YEAR } from './numbers';

export const EARLIEST_DATE = `${FIRST_YEAR}-01-01`;
export const LATEST_DATE = `${LAST_YEAR}-12-31`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `YYYY-MM-DD` names a day the calendar has (2026-02-30 parses in JavaScript, as 2 March). */
function exists(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export interface DateOptions {
  /** Refuse a day after today in China: the date of something that has happened. */
  notAfterToday?: boolean;
}

/** A calendar day written YYYY-MM-DD that exists, from 2000-01-01 to 2100-12-31; "today" is China's, read when the value is. */
export function dateRule(options: DateOptions = {}) {
  return z.string().superRefine((value, context) => {
    if (!ISO_DATE.test(value) || !exists(value)) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: `${JSON.stringify(value.slice(0, 40))} is not a date written YYYY-MM-DD` });
      return;
    }
    if (value < EARLIEST_DATE || value > LATEST_DATE) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: `must lie between ${EARLIEST_DATE} and ${LATEST_DATE}` });
      return;
    }
    const today = chinaToday();
    if (options.notAfterToday && value > today) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: `must not lie after today in China (${today})` });
    }
  });
}

export function assertDate(value: string, argument: string, options: DateOptions = {}): string {
  return readInput(dateRule(options), value, argument);
}

/** A date that may be left out (absent is null); otherwise as `assertDate`. */
export function assertOptionalDate(value: string | null | undefined, argument: string, options: DateOptions = {}): string | null {
  return value == null ? null : assertDate(value, argument, options);
}

export interface InstantRange {
  earliest: Date;
  latest: Date;
}

/** The instants a record's time may have: the China days from 2000-01-01 to 2100-12-31. */
export const RECORD_TIMES: InstantRange = { earliest: chinaMidnight(EARLIEST_DATE), latest: new Date(chinaMidnight(`${LAST_YEAR + 1}-01-01`).getTime() - 1) };

/** Any instant the DateTimeISO scalar reads: for a filter's bound, where a far instant merely matches nothing. */
export const ANY_TIME: InstantRange = { earliest: new Date(-8.64e15), latest: new Date(8.64e15) };

/** A valid instant within `range` (both ends included), by default a record's time. */
export function assertInstant(value: Date, argument: string, range: Partial<InstantRange> = {}): Date {
  const { earliest, latest } = { ...RECORD_TIMES, ...range };
  const rule = z.date({ errorMap: () => ({ message: 'is not a valid date-time' }) }).refine((instant) => instant >= earliest && instant <= latest, {
    message: `must lie between ${earliest.toISOString()} and ${latest.toISOString()}`,
  });
  readInput(rule, value, argument);
  return value;
}
