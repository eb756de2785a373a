import type { StreetMonthSummary } from '@shequ/kit';

/*
 * The street-by-month summaries behind the region figures (kept exact by
 * triggers, see the kit's street-month-summary), each with the window its
 * figure means, so the migration and the stats read one definition.
 */

/** Volunteers who have not withdrawn, by the month of their last confirmed service. */
export const VOLUNTEERS_BY_LAST_SERVICE: StreetMonthSummary = {
  schema: 'volunteers',
  table: 'volunteer_street_month',
  source: 'volunteer',
  time: { column: 'last_served_on', type: 'date' },
  filter: `status <> 'WITHDRAWN'`,
  measures: { volunteers: '1' },
};

/** Confirmed hours by the day served. */
export const CONFIRMED_HOURS: StreetMonthSummary = {
  schema: 'volunteers',
  table: 'confirmed_hours_street_month',
  source: 'activity_signup',
  time: { column: 'served_on', type: 'date', include: ['hours'] },
  filter: 'confirmed_at IS NOT NULL',
  measures: { hours: 'hours' },
};

/** Activities by their start. */
export const ACTIVITIES_BY_START: StreetMonthSummary = {
  schema: 'volunteers',
  table: 'activity_street_month',
  source: 'activity',
  time: { column: 'starts_at', type: 'timestamptz' },
  measures: { activities: '1' },
};

export const VOLUNTEER_SUMMARIES = [VOLUNTEERS_BY_LAST_SERVICE, CONFIRMED_HOURS, ACTIVITIES_BY_START];
