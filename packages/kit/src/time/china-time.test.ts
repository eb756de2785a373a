import { Granularity, periodLabel } from '../reporting/granularity';
import { perThousand, ratio } from '../reporting/rates';
import {
  addMonths,
  chinaDate,
  chinaMonth,
  chinaPeriodStart,
  chinaToday,
  chinaYear,
  currentInstant,
  isAfterChinaToday,
  lastMonth,
  lastThirtyDays,
  lastTwelveMonths,
  sqlDate,
  thisYear,
  thisCalendarYear,
  useClock,
} from './china-time';

// 00:30 on 1 December in China, still 30 November in UTC.
const JUST_AFTER_CHINA_MIDNIGHT = new Date('2026-11-30T16:30:00Z');
// 07:59 on 1 January 2027 in China, still 2026 in UTC.
const NEW_YEARS_MORNING = new Date('2026-12-31T23:59:00Z');

afterEach(() => useClock(null));

describe('China time', () => {
  it('has today turn at China midnight, not UTC midnight', () => {
    expect(chinaToday(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11-30');
    expect(chinaToday(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
    expect(chinaToday(JUST_AFTER_CHINA_MIDNIGHT)).toBe('2026-12-01');
    expect(chinaMonth(JUST_AFTER_CHINA_MIDNIGHT)).toEqual({ year: 2026, month: 12 });
  });

  it('has the year turn at China midnight on 1 January', () => {
    expect(chinaYear(NEW_YEARS_MORNING)).toBe(2027);
    expect(chinaYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(chinaMonth(NEW_YEARS_MORNING)).toEqual({ year: 2027, month: 1 });
  });

  it('counts a date of the China day as today, not the future, before 08:00', () => {
    expect(isAfterChinaToday('2026-12-01', JUST_AFTER_CHINA_MIDNIGHT)).toBe(false);
    expect(isAfterChinaToday('2026-12-02', JUST_AFTER_CHINA_MIDNIGHT)).toBe(true);
  });

  it('cuts the last 12 months at China midnight, the day 12 months ago excluded', () => {
    const window = lastTwelveMonths(JUST_AFTER_CHINA_MIDNIGHT);
    expect(window).toEqual({
      first: '2025-12-02',
      last: '2026-12-01',
      since: new Date('2025-12-01T16:00:00Z'),
      until: new Date('2026-12-01T16:00:00Z'),
    });
  });

  it('keeps the last 12 months within the month at a month end and across a leap day', () => {
    expect(lastTwelveMonths(new Date('2028-02-29T04:00:00Z')).first).toBe('2027-03-01');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
  });

  it('cuts the last 30 days, this year, this calendar year and last month in China days', () => {
    expect(lastThirtyDays(JUST_AFTER_CHINA_MIDNIGHT)).toMatchObject({ first: '2026-11-02', last: '2026-12-01', since: new Date('2026-11-01T16:00:00Z') });
    expect(thisYear(NEW_YEARS_MORNING)).toEqual({ first: '2027-01-01', last: '2027-01-01', since: new Date('2026-12-31T16:00:00Z'), until: new Date('2027-01-01T16:00:00Z') });
    expect(lastMonth(JUST_AFTER_CHINA_MIDNIGHT)).toEqual({ first: '2026-11-01', last: '2026-11-30', since: new Date('2026-10-31T16:00:00Z'), until: new Date('2026-11-30T16:00:00Z') });
    expect(lastMonth(NEW_YEARS_MORNING)).toMatchObject({ first: '2026-12-01', last: '2026-12-31' });
    expect(thisCalendarYear(NEW_YEARS_MORNING)).toEqual({ first: '2027-01-01', last: '2027-12-31', since: new Date('2026-12-31T16:00:00Z'), until: new Date('2027-12-31T16:00:00Z') });
  });

  it('buckets an instant into its China period and labels it so', () => {
    const start = chinaPeriodStart(JUST_AFTER_CHINA_MIDNIGHT, 'month');
    expect(start).toEqual(new Date('2026-11-30T16:00:00Z'));
    expect(periodLabel(start, Granularity.MONTH)).toBe('2026-12');
    expect(periodLabel(chinaPeriodStart(NEW_YEARS_MORNING, 'quarter'), Granularity.QUARTER)).toBe('2027-Q1');
    expect(periodLabel(chinaPeriodStart(new Date('2026-09-30T15:00:00Z'), 'quarter'), Granularity.QUARTER)).toBe('2026-Q3');
    expect(periodLabel(new Date('2026-01-01T00:00:00Z'), Granularity.YEAR)).toBe('2026');
  });

  it('reads a clock a test fixed, and the system clock again after', () => {
    useClock(JUST_AFTER_CHINA_MIDNIGHT);
    expect(chinaToday()).toBe('2026-12-01');
    expect(lastTwelveMonths().last).toBe('2026-12-01');
    useClock(null);
    expect(Math.abs(currentInstant().getTime() - Date.now())).toBeLessThan(60_000);
    expect(chinaDate(currentInstant())).toBe(chinaDate(new Date(currentInstant().getTime())));
  });

  it('writes only dates it can check into SQL', () => {
    expect(sqlDate('2026-12-01')).toBe(`DATE '2026-12-01'`);
    expect(() => sqlDate(`2026-12-01'; DROP TABLE x; --`)).toThrow();
  });
});

describe('rates', () => {
  it('are exact quotients, null with nothing to divide by', () => {
    expect(ratio(2, 3)).toBe(2 / 3);
    expect(ratio(0, 0)).toBeNull();
    expect(perThousand(1, 6000)).toBe(1000 / 6000);
    expect(perThousand(3, 0)).toBeNull();
    expect(perThousand(3, null)).toBeNull();
  });
});
