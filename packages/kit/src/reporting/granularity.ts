import { registerEnumType } from 'type-graphql';
import { chinaDate } from '../time/china-time';

/** The period of a trend point. Every subgraph uses this one enum, so the composed graph has one. */
export enum Granularity {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(Granularity, { name: 'Granularity', description: 'Length of one trend period.' });

/** The Postgres `date_trunc` unit for a granularity. */
export function truncUnit(granularity: Granularity): 'month' | 'quarter' | 'year' {
  return granularity.toLowerCase() as 'month' | 'quarter' | 'year';
}

/** Label of the China period starting at `start` (an instant, read as its China day): 2026-03, 2026-Q1 or 2026. */
export function periodLabel(start: Date, granularity: Granularity): string {
  const day = chinaDate(start);
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  switch (granularity) {
    case Granularity.MONTH:
      return day.slice(0, 7);
    case Granularity.QUARTER:
      return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
    default:
      return year;
  }
}
