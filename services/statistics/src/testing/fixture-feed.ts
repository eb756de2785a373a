import { createHash } from 'node:crypto';
import { FLOW_MEASURES, MEMBER_MEASURES, SAMPLE_MEASURES, STOCK_MEASURES, type FeedDepartment } from '../catalogue/measures';
import type { FeedSource } from '../refresh/feed-source';
import type { AssessmentMethodEntry, DirectoryEntry, FigureBlock, FigureMonth, FigurePage } from '../store/feed-page';

/*
 * A small province for tests, published the way the department feeds publish it.
 *
 * 620000 province
 *   620100 prefecture ─ 620102 county ─ streets 620102001, 620102002
 *                     └ 620103 county ─ street  620103001
 *   620200 prefecture ─ 620201 county ─ street  620201001
 * Each street has 15 communities <street>001…015 whose tiers cycle ADVANCED,
 * STANDARD, FOUNDATIONAL: 60 communities, 20 of each tier.
 *
 * Flows for every month 2024-12 … 2026-11, per community, with y = 2 in 2026
 * and 1 before (see FLOW_RULES); one exception: 620201001001 in 2026-10
 * resolved 20 requests, 2 of them within 15 days. Stocks (as of now) per tier
 * in STOCK_RULES. Organisations: org-street-<street> serves all 15
 * communities of its street; org-shared serves 620102001001 and 620201001001.
 */

export type FixtureTier = 'ADVANCED' | 'STANDARD' | 'FOUNDATIONAL';
const TIERS: FixtureTier[] = ['ADVANCED', 'STANDARD', 'FOUNDATIONAL'];
export const STREETS = ['620102001', '620102002', '620103001', '620201001'];
export const EXCEPTION_COMMUNITY = '620201001001';
export const EXCEPTION_MONTH = '2026-10';

export const FIXTURE_MONTHS: string[] = (() => {
  const months = ['2024-12'];
  for (const year of [2025, 2026]) {
    for (let month = 1; month <= (year === 2026 ? 11 : 12); month += 1) {
      months.push(`${year}-${String(month).padStart(2, '0')}`);
    }
  }
  return months;
})();

export function communities(): { code: string; tier: FixtureTier }[] {
  return STREETS.flatMap((street) => Array.from({ length: 15 }, (_, index) => ({ code: `${street}${String(index + 1).padStart(3, '0')}`, tier: TIERS[index % 3] })));
}

export function directoryEntries(): DirectoryEntry[] {
  return [
    { code: '620000', name: '甘肃省', level: 'PROVINCE', parentCode: null, tier: null },
    { code: '620100', name: '兰州市', level: 'PREFECTURE', parentCode: '620000', tier: null },
    { code: '620200', name: '嘉峪关市', level: 'PREFECTURE', parentCode: '620000', tier: null },
    { code: '620102', name: '城关区', level: 'COUNTY', parentCode: '620100', tier: null },
    { code: '620103', name: '七里河区', level: 'COUNTY', parentCode: '620100', tier: null },
    { code: '620201', name: '嘉峪关市辖区', level: 'COUNTY', parentCode: '620200', tier: null },
    ...STREETS.map((street) => ({ code: street, name: `街道${street.slice(6)}`, level: 'STREET' as const, parentCode: street.slice(0, 6), tier: null })),
    ...communities().map(({ code, tier }) => ({ code, name: `社区${code.slice(6)}`, level: 'COMMUNITY' as const, parentCode: code.slice(0, 9), tier })),
  ];
}

type Rule = (tier: FixtureTier, y: number) => number;

export const FLOW_RULES: Record<string, Rule> = {
  requests_submitted: (_tier, y) => 3 * y,
  requests_resolved: (_tier, y) => 2 * y,
  requests_resolved_within_15_days: (tier, y) => ({ ADVANCED: 2 * y, STANDARD: y, FOUNDATIONAL: 0 })[tier],
  satisfaction_sum: (_tier, y) => 9 * y,
  satisfaction_count: (_tier, y) => 2 * y,
  investment_yuan: () => 100,
  confirmed_hours: (_tier, y) => 10 * y,
  activities_started: () => 1,
  volunteers_registered: () => 1,
  incidents: (_tier, y) => y,
  mediation_cases_received: () => 2,
  mediation_cases_closed: () => 2,
  mediation_agreements: (tier) => ({ ADVANCED: 2, STANDARD: 1, FOUNDATIONAL: 1 })[tier],
  patrols: () => 4,
  joint_patrols: () => 1,
  patrol_hours: () => 6,
  legal_service_people_reached: () => 5,
};

/** days_to_resolve: one value per tier, count 2y (ADVANCED) or y; days_to_close_mediation: 5 days, count 2. */
export const SAMPLE_RULES: Record<string, (tier: FixtureTier, y: number) => { value: number; count: number }> = {
  days_to_resolve: (tier, y) => ({ ADVANCED: { value: 3, count: 2 * y }, STANDARD: { value: 10, count: y }, FOUNDATIONAL: { value: 40, count: y } })[tier],
  days_to_close_mediation: () => ({ value: 5, count: 2 }),
};

export const STOCK_RULES: Record<string, Record<FixtureTier, number>> = {
  population: { ADVANCED: 2000, STANDARD: 1000, FOUNDATIONAL: 500 },
  households: { ADVANCED: 800, STANDARD: 400, FOUNDATIONAL: 200 },
  office_space_m2: { ADVANCED: 500, STANDARD: 300, FOUNDATIONAL: 100 },
  staff: { ADVANCED: 10, STANDARD: 6, FOUNDATIONAL: 3 },
  professional_social_workers: { ADVANCED: 3, STANDARD: 2, FOUNDATIONAL: 0 },
  council_meetings_per_year: { ADVANCED: 6, STANDARD: 4, FOUNDATIONAL: 1 },
  practical_projects: { ADVANCED: 4, STANDARD: 2, FOUNDATIONAL: 2 },
  practical_projects_completed: { ADVANCED: 4, STANDARD: 1, FOUNDATIONAL: 0 },
  practical_project_budget_this_year: { ADVANCED: 10000, STANDARD: 10000, FOUNDATIONAL: 10000 },
  facilities: { ADVANCED: 2, STANDARD: 2, FOUNDATIONAL: 2 },
  welfare_facilities: { ADVANCED: 3, STANDARD: 1, FOUNDATIONAL: 0 },
  open_requests: { ADVANCED: 1, STANDARD: 1, FOUNDATIONAL: 1 },
  registered_volunteers: { ADVANCED: 300, STANDARD: 60, FOUNDATIONAL: 10 },
  active_volunteers: { ADVANCED: 200, STANDARD: 30, FOUNDATIONAL: 2 },
  open_hazards: { ADVANCED: 0, STANDARD: 0, FOUNDATIONAL: 2 },
  police_liaison: { ADVANCED: 1, STANDARD: 1, FOUNDATIONAL: 0 },
  supervised_persons: { ADVANCED: 0, STANDARD: 1, FOUNDATIONAL: 2 },
};

/** Governance's assessment method (its tier templates), as assessmentMethod publishes it. */
export const FIXTURE_ASSESSMENT_METHOD: AssessmentMethodEntry[] = (
  [
    ['WELFARE_FACILITIES_PER_1000', 'SERVICE_COVERAGE', 'AT_LEAST', [1.0, 0.6, 0.3]],
    ['REQUESTS_RESOLVED_WITHIN_15_DAYS', 'SERVICE_COVERAGE', 'AT_LEAST', [0.9, 0.8, 0.7]],
    ['VOLUNTEERS_PER_100', 'VOLUNTEER_PARTICIPATION', 'AT_LEAST', [10, 6, 3]],
    ['ACTIVE_VOLUNTEER_SHARE', 'VOLUNTEER_PARTICIPATION', 'AT_LEAST', [0.6, 0.5, 0.4]],
    ['INCIDENTS_PER_1000', 'SAFETY', 'AT_MOST', [2, 4, 6]],
    ['MEDIATION_AGREEMENT_RATE', 'SAFETY', 'AT_LEAST', [0.9, 0.85, 0.8]],
    ['POLICE_LIAISON_COVERAGE', 'SAFETY', 'AT_LEAST', [1, 1, 1]],
    ['PRACTICAL_PROJECTS_COMPLETED', 'PLAN_DELIVERY', 'AT_LEAST', [0.9, 0.8, 0.7]],
    ['OFFICE_SPACE_M2', 'CAPACITY', 'AT_LEAST', [500, 300, 200]],
    ['PROFESSIONAL_SOCIAL_WORKERS', 'CAPACITY', 'AT_LEAST', [3, 2, 1]],
    ['COUNCIL_MEETINGS_PER_YEAR', 'CAPACITY', 'AT_LEAST', [6, 4, 2]],
  ] as [string, string, 'AT_LEAST' | 'AT_MOST', number[]][]
).map(([indicator, component, comparison, targets]) => ({
  indicator,
  component,
  comparison,
  unit: 'as governance publishes it',
  targets: TIERS.map((tier, index) => ({ tier, target: targets[index] })),
}));

type Row = { communityCode: string; values: (number | null)[] };

/**
 * The fixture as a FeedSource, paged like the feeds (small pages of stocks,
 * so paging is exercised). `change` alters one flow of one month, which
 * changes that month's fingerprint; `figureReads` counts the blocks read per
 * department and months asked ("SERVICE_DELIVERY|2025-03,2025-04"), and the
 * stocks' pages ("SERVICE_DELIVERY|stocks").
 */
export class FixtureFeed implements FeedSource {
  readonly figureReads = new Map<string, number>();
  /** Governance's assessment method as published now. */
  method: AssessmentMethodEntry[] = FIXTURE_ASSESSMENT_METHOD;
  private readonly overrides = new Map<string, number>();
  constructor(private readonly pageSize = 25) {
    this.change('SERVICE_DELIVERY', EXCEPTION_MONTH, EXCEPTION_COMMUNITY, 'requests_resolved', 20);
    this.change('SERVICE_DELIVERY', EXCEPTION_MONTH, EXCEPTION_COMMUNITY, 'requests_resolved_within_15_days', 2);
  }

  change(department: FeedDepartment, month: string, code: string, measure: string, value: number): void {
    this.overrides.set(`${department}|${month}|${code}|${measure}`, value);
  }

  private flowRows(department: FeedDepartment, month: string): Row[] {
    const y = month.startsWith('2026') ? 2 : 1;
    return communities().map(({ code, tier }) => ({
      communityCode: code,
      values: FLOW_MEASURES[department].map((measure) => this.overrides.get(`${department}|${month}|${code}|${measure}`) ?? FLOW_RULES[measure](tier, y)),
    }));
  }

  async figureMonths(department: FeedDepartment): Promise<FigureMonth[]> {
    if (FLOW_MEASURES[department].length === 0) {
      return [];
    }
    return FIXTURE_MONTHS.map((month) => {
      const rows = this.flowRows(department, month);
      return { month, rows: rows.length, fingerprint: createHash('md5').update(JSON.stringify(rows)).digest('hex') };
    });
  }

  async figureBlock(department: FeedDepartment, months: string[], after: string | null, through: string | null): Promise<FigureBlock> {
    const key = `${department}|${months.join(',')}`;
    this.figureReads.set(key, (this.figureReads.get(key) ?? 0) + 1);
    const inScope = communities().filter(({ code }) => (after === null || code > after) && (through === null || code <= through));
    const asked = [...months].sort().filter((month) => FIXTURE_MONTHS.includes(month));
    const block: FigureBlock = { measures: [...FLOW_MEASURES[department]], rows: { month: [], communityCode: [], values: [] }, samples: { month: [], communityCode: [], measure: [], value: [], count: [] } };
    if (FLOW_MEASURES[department].length === 0) {
      return block;
    }
    for (const { code, tier } of inScope) {
      for (const month of asked) {
        const y = month.startsWith('2026') ? 2 : 1;
        block.rows.month.push(month);
        block.rows.communityCode.push(code);
        block.rows.values.push(...(this.flowRows(department, month).find((row) => row.communityCode === code) as Row).values);
        for (const measure of SAMPLE_MEASURES[department]) {
          const sample = SAMPLE_RULES[measure](tier, y);
          block.samples.month.push(month);
          block.samples.communityCode.push(code);
          block.samples.measure.push(measure);
          block.samples.value.push(sample.value);
          block.samples.count.push(sample.count);
        }
      }
    }
    return block;
  }

  async stocks(department: FeedDepartment, after: string | null, through: string | null): Promise<FigurePage> {
    const key = `${department}|stocks`;
    this.figureReads.set(key, (this.figureReads.get(key) ?? 0) + 1);
    const all = communities().filter(({ code }) => through === null || code <= through);
    const start = after ? all.findIndex((community) => community.code === after) + 1 : 0;
    const slice = all.slice(start, start + this.pageSize);
    const nextCursor = start + this.pageSize < all.length ? slice[slice.length - 1].code : null;
    return {
      // A measure the store does not know travels too, and is ignored.
      measures: [...STOCK_MEASURES[department], 'not_in_the_catalogue'],
      rows: slice.map(({ code, tier }) => ({ communityCode: code, values: [...STOCK_MEASURES[department].map((measure) => STOCK_RULES[measure][tier]), 99] })),
      samples: [],
      members: MEMBER_MEASURES[department].length
        ? slice.flatMap(({ code }) => [
            { communityCode: code, measure: 'organizations_serving', member: `org-street-${code.slice(0, 9)}` },
            ...(code === '620102001001' || code === '620201001001' ? [{ communityCode: code, measure: 'organizations_serving', member: 'org-shared' }] : []),
          ])
        : [],
      nextCursor,
    };
  }

  async directory(after: string | null) {
    const all = directoryEntries();
    const start = after ? all.findIndex((entry) => entry.code === after) + 1 : 0;
    const entries = all.slice(start, start + 40);
    return { entries, nextCursor: start + 40 < all.length ? entries[entries.length - 1].code : null };
  }

  async assessmentMethod() {
    return this.method;
  }
}
