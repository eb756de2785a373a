/**
 * The measures each department publishes in its figure feed (snake_case, as
 * in the feed contract), and the store column each lands in. Flows are summed
 * over a period's months; stocks are taken from the latest snapshot in the
 * period; samples are distributions (medians); members are distinct counts.
 */
export type FeedDepartment = 'GOVERNANCE' | 'SERVICE_DELIVERY' | 'VOLUNTEERS' | 'PUBLIC_SAFETY';

export const FEED_DEPARTMENTS: readonly FeedDepartment[] = ['GOVERNANCE', 'SERVICE_DELIVERY', 'VOLUNTEERS', 'PUBLIC_SAFETY'];

/** The feed field prefix of each department (`<prefix>FigureMonths`, `<prefix>Figures`). */
export const FEED_FIELD_PREFIX: Record<FeedDepartment, string> = {
  GOVERNANCE: 'governance',
  SERVICE_DELIVERY: 'serviceDelivery',
  VOLUNTEERS: 'volunteers',
  PUBLIC_SAFETY: 'publicSafety',
};

export const FLOW_MEASURES: Record<FeedDepartment, readonly string[]> = {
  GOVERNANCE: [],
  SERVICE_DELIVERY: ['requests_submitted', 'requests_resolved', 'requests_resolved_within_15_days', 'satisfaction_sum', 'satisfaction_count', 'investment_yuan'],
  VOLUNTEERS: ['confirmed_hours', 'activities_started', 'volunteers_registered'],
  PUBLIC_SAFETY: [
    'incidents',
    'mediation_cases_received',
    'mediation_cases_closed',
    'mediation_agreements',
    'patrols',
    'joint_patrols',
    'patrol_hours',
    'legal_service_people_reached',
  ],
};

export const STOCK_MEASURES: Record<FeedDepartment, readonly string[]> = {
  GOVERNANCE: [
    'population',
    'households',
    'office_space_m2',
    'staff',
    'professional_social_workers',
    'council_meetings_per_year',
    'practical_projects',
    'practical_projects_completed',
    'practical_project_budget_this_year',
  ],
  SERVICE_DELIVERY: ['facilities', 'welfare_facilities', 'open_requests'],
  VOLUNTEERS: ['registered_volunteers', 'active_volunteers'],
  PUBLIC_SAFETY: ['open_hazards', 'police_liaison', 'supervised_persons'],
};

/** Sample measures: each becomes a `median_<measure>` column of the period rows. */
export const SAMPLE_MEASURES: Record<FeedDepartment, readonly string[]> = {
  GOVERNANCE: [],
  SERVICE_DELIVERY: ['days_to_resolve'],
  VOLUNTEERS: [],
  PUBLIC_SAFETY: ['days_to_close_mediation'],
};

/** Member measures: each becomes a `distinct_<measure>` column of the period rows. */
export const MEMBER_MEASURES: Record<FeedDepartment, readonly string[]> = {
  GOVERNANCE: [],
  SERVICE_DELIVERY: [],
  VOLUNTEERS: ['organizations_serving'],
  PUBLIC_SAFETY: [],
};

export const ALL_FLOWS = FEED_DEPARTMENTS.flatMap((department) => FLOW_MEASURES[department]);
export const ALL_STOCKS = FEED_DEPARTMENTS.flatMap((department) => STOCK_MEASURES[department]);
export const ALL_SAMPLES = FEED_DEPARTMENTS.flatMap((department) => SAMPLE_MEASURES[department]);
export const ALL_MEMBERS = FEED_DEPARTMENTS.flatMap((department) => MEMBER_MEASURES[department]);

/** Per stock-publishing department, a period-row column counting the communities with a snapshot (for averages per community). */
export const REPORTING_COLUMN: Record<FeedDepartment, string> = {
  GOVERNANCE: 'governance_reporting',
  SERVICE_DELIVERY: 'service_delivery_reporting',
  VOLUNTEERS: 'volunteers_reporting',
  PUBLIC_SAFETY: 'public_safety_reporting',
};

/** Measure names become SQL column names: only these characters may ever reach SQL. */
export function assertMeasureName(name: string): string {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`not a measure name: ${name}`);
  }
  return name;
}
