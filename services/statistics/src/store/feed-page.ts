import type { FeedDepartment } from '../catalogue/measures';

/** A page of a department's figure feed, as the feed contract publishes it. */
export interface FigurePage {
  measures: string[];
  rows: { communityCode: string; values: (number | null)[] }[];
  samples: { communityCode: string; measure: string; value: number; count: number }[];
  members: { communityCode: string; measure: string; member: string }[];
  nextCursor: string | null;
}

export interface FigureMonth {
  month: string;
  rows: number;
  fingerprint: string;
}

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
