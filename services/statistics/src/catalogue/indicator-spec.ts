import type { FeedDepartment } from './measures';
import type { ColumnReader } from './formula-sql';

export type IndicatorDepartment = FeedDepartment | 'STATISTICS';
export type Direction = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'NEUTRAL';
export type Measurement = 'FLOW' | 'STOCK';

/** The tier targets of governance's assessment method, as the store holds them. */
export interface AssessmentTemplate {
  indicator: string;
  component: string;
  comparison: 'AT_LEAST' | 'AT_MOST';
  targets: Partial<Record<'ADVANCED' | 'STANDARD' | 'FOUNDATIONAL', number>>;
}

/** What a formula reads: the period row's columns. */
export interface FormulaContext {
  column: ColumnReader;
}

/** Who may see a restricted indicator: any of `roles`, or department staff of `staffDepartment`, within their jurisdiction. */
export interface IndicatorAccess {
  roles: readonly string[];
  staffDepartment?: string;
}

export interface IndicatorSpec {
  id: string;
  labelZh: string;
  labelEn: string;
  unit: string;
  unitZh: string;
  direction: Direction;
  department: IndicatorDepartment;
  measurement: Measurement;
  definition: string;
  definitionZh: string;
  /** Absent: public, anonymous callers included. */
  access?: IndicatorAccess;
  /** The figure as one SQL expression over a period row. */
  sql(context: FormulaContext): string;
}
