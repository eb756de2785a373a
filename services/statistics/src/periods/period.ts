import { addDays, addMonths, badUserInput, chinaMonth } from '@shequ/kit';

export enum PeriodKindName {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
  TWELVE_MONTHS = 'TWELVE_MONTHS',
}

/** A period of whole China months; `label` is also its key in the store. */
export interface StorePeriod {
  kind: PeriodKindName;
  label: string;
  /** First and last China dates. */
  first: string;
  last: string;
  /** Its months, "YYYY-MM", oldest first. */
  months: string[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The month `count` months after `month` ("YYYY-MM"). */
export function shiftMonth(month: string, count: number): string {
  return addMonths(`${month}-01`, count).slice(0, 7);
}

/** The current China month, "YYYY-MM", by the kit's clock. */
export function currentChinaMonth(): string {
  const { year, month } = chinaMonth();
  return `${year}-${String(month).padStart(2, '0')}`;
}

function spanning(kind: PeriodKindName, label: string, firstMonth: string, count: number): StorePeriod {
  const months = Array.from({ length: count }, (_, index) => shiftMonth(firstMonth, index));
  return { kind, label, first: `${firstMonth}-01`, last: addDays(`${shiftMonth(firstMonth, count)}-01`, -1), months };
}

/** The period as the store sums it: its label and first and last months. */
export function spanOf(period: StorePeriod): { label: string; first: string; last: string } {
  return { label: period.label, first: period.months[0], last: period.months[period.months.length - 1] };
}

export const monthPeriod = (month: string) => spanning(PeriodKindName.MONTH, month, month, 1);
export const quarterPeriod = (year: number, quarter: number) =>
  spanning(PeriodKindName.QUARTER, `${year}-Q${quarter}`, `${year}-${String(quarter * 3 - 2).padStart(2, '0')}`, 3);
export const yearPeriod = (year: number) => spanning(PeriodKindName.YEAR, String(year), `${year}-01`, 12);
export function twelveMonthsEnding(month: string): StorePeriod {
  const firstMonth = shiftMonth(month, -11);
  return { ...spanning(PeriodKindName.TWELVE_MONTHS, '', firstMonth, 12), label: `${firstMonth}..${month}` };
}

export function quarterOf(month: string): StorePeriod {
  return quarterPeriod(Number(month.slice(0, 4)), Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1);
}

/** Reads a month argument ("YYYY-MM") or says which argument is wrong. */
export function parseMonth(text: string, argument: string): string {
  if (!MONTH.test(text) || Number(text.slice(0, 4)) < 1990 || Number(text.slice(0, 4)) > 2200) {
    throw badUserInput(argument, `must be a month written YYYY-MM (got "${text}")`);
  }
  return text;
}

export interface PeriodFields {
  month?: string | null;
  quarter?: string | null;
  year?: number | null;
  twelveMonthsEnding?: string | null;
}

/** The period a table asks for: exactly one field, or none for the 12 months ending the current China month. */
export function parsePeriodInput(input: PeriodFields | null | undefined, argument = 'input.period'): StorePeriod {
  const given = (['month', 'quarter', 'year', 'twelveMonthsEnding'] as const).filter((field) => input?.[field] !== null && input?.[field] !== undefined);
  if (given.length > 1) {
    throw badUserInput(argument, `give one of month, quarter, year or twelveMonthsEnding (got ${given.join(', ')})`);
  }
  if (!input || given.length === 0) {
    return twelveMonthsEnding(currentChinaMonth());
  }
  if (input.month !== null && input.month !== undefined) {
    return monthPeriod(parseMonth(input.month, `${argument}.month`));
  }
  if (input.quarter !== null && input.quarter !== undefined) {
    const match = QUARTER.exec(input.quarter);
    if (!match || Number(match[1]) < 1990 || Number(match[1]) > 2200) {
      throw badUserInput(`${argument}.quarter`, `must be a quarter written YYYY-Qn (got "${input.quarter}")`);
    }
    return quarterPeriod(Number(match[1]), Number(match[2]));
  }
  if (input.year !== null && input.year !== undefined) {
    if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2200) {
      throw badUserInput(`${argument}.year`, `must be a year between 1990 and 2200 (got ${input.year})`);
    }
    return yearPeriod(input.year);
  }
  return twelveMonthsEnding(parseMonth(input.twelveMonthsEnding as string, `${argument}.twelveMonthsEnding`));
}

/** The period just before: the month, quarter or year before; for 12 months, the 12 months before them. */
export function previousPeriod(period: StorePeriod): StorePeriod {
  const firstMonth = period.months[0];
  switch (period.kind) {
    case PeriodKindName.MONTH:
      return monthPeriod(shiftMonth(firstMonth, -1));
    case PeriodKindName.QUARTER:
      return quarterOf(shiftMonth(firstMonth, -3));
    case PeriodKindName.YEAR:
      return yearPeriod(Number(period.label) - 1);
    default:
      return twelveMonthsEnding(shiftMonth(period.months[11], -12));
  }
}

/** The same period a year earlier. */
export function samePeriodLastYear(period: StorePeriod): StorePeriod {
  const firstMonth = period.months[0];
  switch (period.kind) {
    case PeriodKindName.MONTH:
      return monthPeriod(shiftMonth(firstMonth, -12));
    case PeriodKindName.QUARTER:
      return quarterOf(shiftMonth(firstMonth, -12));
    case PeriodKindName.YEAR:
      return yearPeriod(Number(period.label) - 1);
    default:
      return twelveMonthsEnding(shiftMonth(period.months[11], -12));
  }
}

/** The periods of a trend, oldest first, from the period holding `from` to the one holding `to`. */
export function trendPeriods(granularity: 'MONTH' | 'QUARTER' | 'YEAR', from: string, to: string): StorePeriod[] {
  const periods: StorePeriod[] = [];
  let period =
    granularity === 'MONTH' ? monthPeriod(from) : granularity === 'QUARTER' ? quarterOf(from) : yearPeriod(Number(from.slice(0, 4)));
  while (period.months[0] <= to) {
    periods.push(period);
    const next = shiftMonth(period.months[period.months.length - 1], 1);
    period = granularity === 'MONTH' ? monthPeriod(next) : granularity === 'QUARTER' ? quarterOf(next) : yearPeriod(Number(next.slice(0, 4)));
  }
  return periods;
}
