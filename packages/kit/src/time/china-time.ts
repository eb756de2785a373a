/**
 * China time, the one meaning of "today", "this year", a window and a trend
 * period in every department (see docs/architecture.md, "Time").
 *
 * China has kept UTC+8 all year since 1991, and every date the platform
 * records is from 2000 on, so a fixed offset is exact and needs no time-zone
 * database. Dates are `YYYY-MM-DD` strings (a calendar day, no instant);
 * instants are `Date`s.
 */

export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const systemClock = () => new Date();
let clock: () => Date = systemClock;

/** Now, as the platform's clock has it: the system clock unless a test fixed it with `useClock`. */
export function currentInstant(): Date {
  return clock();
}

/**
 * Fixes the clock every default `now` below reads (a `Date`, or a function
 * for a clock that moves); `null` puts the system clock back. For tests, so
 * none depends on the time it runs at.
 */
export function useClock(now: Date | (() => Date) | null): void {
  clock = now === null ? systemClock : typeof now === 'function' ? now : () => new Date(now.getTime());
}

/** The China calendar day an instant falls on. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in China. */
export function chinaToday(now = currentInstant()): string {
  return chinaDate(now);
}

/** The current year in China. */
export function chinaYear(now = currentInstant()): number {
  return Number(chinaToday(now).slice(0, 4));
}

/** The current month in China (1–12) with its year. */
export function chinaMonth(now = currentInstant()): { year: number; month: number } {
  const today = chinaToday(now);
  return { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
}

/** The instant a China day begins (its 00:00 in China, 16:00 UTC the day before). */
export function chinaMidnight(date: string): Date {
  return new Date(utcDay(date) - OFFSET_MS);
}

/** Whether a date lies after today in China: the one test of "in the future" for a date. */
export function isAfterChinaToday(date: string, now = currentInstant()): boolean {
  return date > chinaToday(now);
}

function utcDay(date: string): number {
  if (!ISO_DATE.test(date)) {
    throw new Error(`not a date: ${date}`);
  }
  return Date.parse(`${date}T00:00:00Z`);
}

/** The date `days` days after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  return new Date(utcDay(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The date `months` months after `date`, kept within the month it lands in (31 March − 1 month = 28 or 29 February), as PostgreSQL does. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/**
 * A span of whole China days, `first` to `last` inclusive, and the instants
 * that bound it: `since` (the first day's China midnight, inclusive) up to
 * `until` (the midnight after the last day, exclusive). A fact dated by day
 * counts when its date lies in [first, last]; one stamped with an instant
 * when it lies in [since, until) — the same facts either way.
 */
export interface ChinaWindow {
  first: string;
  last: string;
  since: Date;
  until: Date;
}

/** The window of China days from `first` to `last`, both included. */
export function chinaDays(first: string, last: string): ChinaWindow {
  return { first, last, since: chinaMidnight(first), until: chinaMidnight(addDays(last, 1)) };
}

/**
 * A window that follows today is the same for every instant of a China day,
 * and China midnights fall on whole minutes (UTC+8), so it is worked out once
 * a minute: reporting loaders ask for it several times per request. The one
 * window is shared, so it is frozen.
 */
function keptForTheMinute(window: (now: Date) => ChinaWindow): (now?: Date) => Readonly<ChinaWindow> {
  let minute = Number.NaN;
  let kept: Readonly<ChinaWindow> | undefined;
  return (now = currentInstant()) => {
    const at = Math.floor(now.getTime() / 60_000);
    if (at !== minute || !kept) {
      kept = Object.freeze(window(now));
      minute = at;
    }
    return kept;
  };
}

/** The last 12 months: the 12 months ending today, today included, the day 12 months ago not (so no day counts twice in consecutive years). */
export const lastTwelveMonths = keptForTheMinute((now) => {
  const today = chinaToday(now);
  return chinaDays(addDays(addMonths(today, -12), 1), today);
});

/** The last 30 days: today and the 29 before it. */
export const lastThirtyDays = keptForTheMinute((now) => {
  const today = chinaToday(now);
  return chinaDays(addDays(today, -29), today);
});

/** This year so far: 1 January up to today, in China. */
export const thisYear = keptForTheMinute((now) => {
  const today = chinaToday(now);
  return chinaDays(`${today.slice(0, 4)}-01-01`, today);
});

/** This calendar year, whole: 1 January to 31 December, in China (for figures kept by year, such as investment). */
export const thisCalendarYear = keptForTheMinute((now) => {
  const year = chinaYear(now);
  return chinaDays(`${year}-01-01`, `${year}-12-31`);
});

/** Last month: the whole calendar month before the current one, in China. */
export const lastMonth = keptForTheMinute((now) => {
  const first = addMonths(`${chinaToday(now).slice(0, 7)}-01`, -1);
  return chinaDays(first, addDays(addMonths(first, 1), -1));
});

/** A trend period's length. */
export type PeriodUnit = 'month' | 'quarter' | 'year';

/** The first day of the China period (month, quarter or year) holding `date`. */
export function periodStartDate(date: string, unit: PeriodUnit): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (unit === 'year') {
    return `${year}-01-01`;
  }
  const first = unit === 'quarter' ? month - ((month - 1) % 3) : month;
  return `${year}-${String(first).padStart(2, '0')}-01`;
}

/** The China period holding an instant, as the instant it begins. */
export function chinaPeriodStart(instant: Date, unit: PeriodUnit): Date {
  return chinaMidnight(periodStartDate(chinaDate(instant), unit));
}

/** SQL: the China period a `timestamptz` expression falls in, as the China-local `timestamp` it starts at. */
export function chinaPeriodSql(instant: string, unit: string): string {
  return `date_trunc(${unit}, ${chinaLocalSql(instant)})`;
}

/**
 * SQL: an instant (`timestamptz`) as China's wall-clock `timestamp`. By the
 * fixed offset rather than the zone's name: the same result (China keeps
 * UTC+8 all year), and PostgreSQL converts a million rows about 1.6 times as
 * fast without looking up the zone's rules for each.
 */
export function chinaLocalSql(instant: string): string {
  return `((${instant}) AT TIME ZONE ${CHINA_OFFSET_SQL})`;
}

const CHINA_OFFSET_SQL = "INTERVAL '+08:00'";

/** SQL: a China-local `timestamp` expression (as `chinaPeriodSql` gives) back to the instant it is. */
export function chinaInstantSql(localTimestamp: string): string {
  return `((${localTimestamp}) AT TIME ZONE ${CHINA_OFFSET_SQL})`;
}

/** SQL literal of a date the kit computed (checked, so nothing else reaches the statement). */
export function sqlDate(date: string): string {
  utcDay(date);
  return `DATE '${date}'`;
}

/** SQL literal of an instant the kit computed. */
export function sqlInstant(instant: Date): string {
  return `TIMESTAMPTZ '${instant.toISOString()}'`;
}
