import type { MonthHistogram, MonthSummary, RegionMembers } from '@shequ/kit';

/*
 * The month summaries behind the region figures, one row per region level
 * and month (kept exact by triggers, see the kit's month-summary; the
 * tables' names date from when they were kept by street alone), with the
 * windows the figures mean, so the migration and the stats read one
 * definition.
 */

export const INCIDENTS_BY_OCCURRENCE: MonthSummary = {
  schema: 'public_safety',
  table: 'incident_street_month',
  source: 'safety_incident',
  time: { column: 'occurred_at', type: 'timestamptz' },
  measures: { incidents: '1' },
};

export const MEDIATIONS_BY_RECEIPT: MonthSummary = {
  schema: 'public_safety',
  table: 'mediation_received_street_month',
  source: 'mediation_case',
  time: { column: 'received_on', type: 'date' },
  measures: { received: '1' },
};

export const MEDIATIONS_BY_CLOSING: MonthSummary & { time: NonNullable<MonthSummary['time']> } = {
  schema: 'public_safety',
  table: 'mediation_closed_street_month',
  source: 'mediation_case',
  time: { column: 'closed_on', type: 'date', include: ['days_to_close', 'outcome'] },
  filter: 'closed_on IS NOT NULL',
  measures: { closed: '1', agreed: `CASE WHEN outcome = 'AGREEMENT_REACHED' THEN 1 ELSE 0 END` },
};

export const LEGAL_SERVICE_REACH: MonthSummary = {
  schema: 'public_safety',
  table: 'legal_service_street_month',
  source: 'legal_service',
  time: { column: 'held_on', type: 'date', include: ['people_reached'] },
  measures: { reached: 'people_reached' },
};

export const SAFETY_SUMMARIES = [INCIDENTS_BY_OCCURRENCE, MEDIATIONS_BY_RECEIPT, MEDIATIONS_BY_CLOSING, LEGAL_SERVICE_REACH];

/** Patrols by the day they went out: how many, how many with the police, and their hours (the last 30 days' figures). */
export const PATROLS_BY_DAY: MonthSummary = {
  schema: 'public_safety',
  table: 'patrol_street_month',
  source: 'patrol',
  time: { column: 'patrolled_on', type: 'date', include: ['joint_with_police', 'hours'] },
  measures: { patrols: '1', joint: 'CASE WHEN joint_with_police THEN 1 ELSE 0 END', hours: 'hours' },
};

/** Summaries added after the first ones, in a migration of their own. */
export const LATER_SAFETY_SUMMARIES = [PATROLS_BY_DAY];

/** Hazards found by inspections and not yet fixed, whenever found. */
export const OPEN_HAZARDS: MonthSummary = {
  schema: 'public_safety',
  table: 'open_hazard_region',
  source: 'inspection_hazard',
  filter: 'fixed_on IS NULL',
  measures: { open_hazards: '1' },
};

/** Summaries created kept by region level from the start. */
export const REGION_LEVEL_SAFETY_SUMMARIES = [OPEN_HAZARDS];

/** The closed mediation cases by region, month and whole days to close (the regions' medians; beyond a year in one bucket). */
export const MEDIATION_CLOSING_DAYS: MonthHistogram = { of: MEDIATIONS_BY_CLOSING, table: 'mediation_closing_days', days: 'days_to_close' };

export const SAFETY_HISTOGRAMS = [MEDIATION_CLOSING_DAYS];

/** The communities with a current police liaison, per region level. */
export const COMMUNITIES_WITH_LIAISON: RegionMembers = {
  schema: 'public_safety',
  table: 'liaison_community_region',
  source: 'police_liaison',
  member: { column: 'community_code', type: 'text' },
  filter: 'until IS NULL',
};
