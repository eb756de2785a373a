import { definePolicy } from '@shequ/kit';

/**
 * Who may change the statistics store: only admins refresh it on demand,
 * whatever their jurisdiction (a refresh covers the province). Reads are
 * public except restricted indicators, whose roles the catalogue lists
 * (`src/access/indicator-access.ts`).
 */
export const statisticsPolicy = definePolicy({
  refreshStatistics: { roles: ['admin'], withinJurisdiction: false },
});
