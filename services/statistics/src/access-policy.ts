import { definePolicy } from '@shequ/kit';

/**
 * Who may change the statistics store: only admins refresh it on demand,
 * whatever their jurisdiction (a refresh covers the province); governance
 * staff (and admins) take a region's assessment snapshot within their
 * jurisdiction, as they did when governance took it. Reads are public except
 * restricted indicators, whose roles the catalogue lists
 * (`src/access/indicator-access.ts`), and the audit log, for admins.
 */
export const statisticsPolicy = definePolicy({
  refreshStatistics: { roles: ['admin'], withinJurisdiction: false },
  runAssessment: { roles: ['department_staff'], department: 'governance' },
  readAuditLog: { roles: ['admin'], withinJurisdiction: false },
});
