import { assessmentIndicators } from './assessment-indicators';
import { GOVERNANCE_INDICATORS, PUBLIC_SAFETY_INDICATORS, SERVICE_DELIVERY_INDICATORS, VOLUNTEER_INDICATORS } from './department-indicators';
import type { ColumnReader } from './formula-sql';
import type { IndicatorSpec } from './indicator-spec';

const DEPARTMENT_INDICATORS: IndicatorSpec[] = [...GOVERNANCE_INDICATORS, ...SERVICE_DELIVERY_INDICATORS, ...VOLUNTEER_INDICATORS, ...PUBLIC_SAFETY_INDICATORS];
const BY_ID = new Map<string, IndicatorSpec>(DEPARTMENT_INDICATORS.map((spec) => [spec.id, spec]));

/** A department indicator's formula over the columns `column` reads (the assessment's figures). */
export function figureSql(id: string, column: ColumnReader): string {
  const spec = BY_ID.get(id);
  if (!spec) {
    throw new Error(`the assessment reads ${id}, which the catalogue does not define`);
  }
  return spec.sql({ column });
}

/** Every indicator, in catalogue order; the GraphQL enum IndicatorId is built from it. */
export const INDICATORS: readonly IndicatorSpec[] = [...DEPARTMENT_INDICATORS, ...assessmentIndicators()];
for (const spec of INDICATORS) {
  BY_ID.set(spec.id, spec);
}

export function indicatorSpec(id: string): IndicatorSpec {
  const spec = BY_ID.get(id);
  if (!spec) {
    throw new Error(`no indicator ${id}`);
  }
  return spec;
}
