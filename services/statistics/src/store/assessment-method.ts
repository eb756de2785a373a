import type { AssessmentTemplate } from '../catalogue/indicator-spec';
import type { Queryable } from './queryable';

/** The assessment method the store holds, one template per indicator. */
export async function heldAssessmentMethod(db: Queryable): Promise<AssessmentTemplate[]> {
  const rows: { indicator: string; component: string; comparison: 'AT_LEAST' | 'AT_MOST'; tier: 'ADVANCED' | 'STANDARD' | 'FOUNDATIONAL'; target: number }[] = await db.query(
    `SELECT indicator, component, comparison, tier, target FROM statistics.assessment_template ORDER BY indicator, tier`,
  );
  const byIndicator = new Map<string, AssessmentTemplate>();
  for (const row of rows) {
    const held = byIndicator.get(row.indicator) ?? { indicator: row.indicator, component: row.component, comparison: row.comparison, targets: {} };
    held.targets[row.tier] = Number(row.target);
    byIndicator.set(row.indicator, held);
  }
  return [...byIndicator.values()];
}
