import type { FeedDepartment } from '../catalogue/measures';

/** A page of a department's figure feed and a month of it, as the kit declares the feed contract. */
export type { FigureBlock, FigureMonth, FigurePage } from '@shequ/kit';

export type DirectoryLevel = 'PROVINCE' | 'PREFECTURE' | 'COUNTY' | 'STREET' | 'COMMUNITY';

export interface DirectoryEntry {
  code: string;
  name: string;
  level: DirectoryLevel;
  parentCode: string | null;
  tier: 'ADVANCED' | 'STANDARD' | 'FOUNDATIONAL' | null;
}

export interface DirectoryPage {
  entries: DirectoryEntry[];
  nextCursor: string | null;
}

/** governance's assessmentMethod, one template per indicator. */
export interface AssessmentMethodEntry {
  indicator: string;
  component: string;
  comparison: 'AT_LEAST' | 'AT_MOST';
  unit: string;
  targets: { tier: 'ADVANCED' | 'STANDARD' | 'FOUNDATIONAL'; target: number }[];
}

export type { FeedDepartment };
