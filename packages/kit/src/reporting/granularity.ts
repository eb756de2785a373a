import { registerEnumType } from 'type-graphql';

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

/** Label of a period starting at `start`: 2026-03, 2026-Q1 or 2026. */
export function periodLabel(start: Date, granularity: Granularity): string {
  const year = start.getUTCFullYear();
  switch (granularity) {
    case Granularity.MONTH:
      return `${year}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
    case Granularity.QUARTER:
      return `${year}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`;
    default:
      return String(year);
  }
}
