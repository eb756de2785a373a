import type { MonthSummary, RegionMembers } from '@shequ/kit';

/*
 * The month summaries behind the region figures, one row per region level
 * and month (kept exact by triggers, see the kit's month-summary; the
 * tables' names date from when they were kept by street alone), each with
 * the window its figure means, so the migration and the stats read one
 * definition.
 */

/** Volunteers who have not withdrawn, by the month of their last confirmed service. */
export const VOLUNTEERS_BY_LAST_SERVICE: MonthSummary = {
  schema: 'volunteers',
  table: 'volunteer_street_month',
  source: 'volunteer',
  time: { column: 'last_served_on', type: 'date' },
  filter: `status <> 'WITHDRAWN'`,
  measures: { volunteers: '1' },
};

/** Confirmed hours by the day served. */
export const CONFIRMED_HOURS: MonthSummary = {
  schema: 'volunteers',
  table: 'confirmed_hours_street_month',
  source: 'activity_signup',
  time: { column: 'served_on', type: 'date', include: ['hours'] },
  filter: 'confirmed_at IS NOT NULL',
  measures: { hours: 'hours' },
};

/** Activities by their start. */
export const ACTIVITIES_BY_START: MonthSummary = {
  schema: 'volunteers',
  table: 'activity_street_month',
  source: 'activity',
  time: { column: 'starts_at', type: 'timestamptz' },
  measures: { activities: '1' },
};

export const VOLUNTEER_SUMMARIES = [VOLUNTEERS_BY_LAST_SERVICE, CONFIRMED_HOURS, ACTIVITIES_BY_START];

/** The organisations serving communities, per region level: a region counts each once however many of its communities it serves. */
export const ORGANIZATIONS_SERVING: RegionMembers = {
  schema: 'volunteers',
  table: 'organization_serving_region',
  source: 'organization_community',
  member: { column: 'organization_id', type: 'uuid' },
};
