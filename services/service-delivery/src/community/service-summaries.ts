import type { MonthHistogram, MonthSummary } from '@shequ/kit';
import { ServiceFacilityKind } from '../facilities/service-facility.entity';

/*
 * The month summaries of service requests behind the region figures, one
 * row per region level and month (kept exact by triggers, see the kit's
 * month-summary; the tables' names date from when they were kept by street
 * alone). Their measures mean what the constants in service-stats.sql mean.
 */

/** Requests by the month they were submitted. */
export const REQUESTS_BY_SUBMISSION: MonthSummary = {
  schema: 'service_delivery',
  table: 'request_submitted_street_month',
  source: 'service_request',
  time: { column: 'submitted_at', type: 'timestamptz' },
  measures: { requests: '1' },
};

/** Resolved requests by the month they were resolved: how many, how many within 15 days, and their ratings. */
export const REQUESTS_BY_RESOLUTION: MonthSummary & { time: NonNullable<MonthSummary['time']> } = {
  schema: 'service_delivery',
  table: 'request_resolved_street_month',
  source: 'service_request',
  time: { column: 'resolved_at', type: 'timestamptz', include: ['submitted_at', 'satisfaction'] },
  filter: 'resolved_at IS NOT NULL',
  measures: {
    resolved: '1',
    resolved_within_15_days: `CASE WHEN resolved_at <= submitted_at + interval '15 days' THEN 1 ELSE 0 END`,
    satisfaction_sum: 'coalesce(satisfaction, 0)',
    rated: 'CASE WHEN satisfaction IS NULL THEN 0 ELSE 1 END',
  },
};

/** Requests still open, whenever submitted. */
export const OPEN_REQUESTS: MonthSummary = {
  schema: 'service_delivery',
  table: 'request_open_street',
  source: 'service_request',
  filter: `status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')`,
  measures: { requests: '1' },
};

export const SERVICE_SUMMARIES = [REQUESTS_BY_SUBMISSION, REQUESTS_BY_RESOLUTION, OPEN_REQUESTS];

/** The measure of a facility kind in COUNTED_FACILITIES. */
export const facilityKindMeasure = (kind: ServiceFacilityKind) => kind.toLowerCase();

/** Facilities that count (not CLOSED), by region and kind: one measure per kind, whenever opened. */
export const COUNTED_FACILITIES: MonthSummary = {
  schema: 'service_delivery',
  table: 'facility_street',
  source: 'service_facility',
  filter: `status <> 'CLOSED'`,
  measures: Object.fromEntries(Object.values(ServiceFacilityKind).map((kind) => [facilityKindMeasure(kind), `CASE WHEN kind = '${kind}' THEN 1 ELSE 0 END`])),
};

/** Summaries added after the first ones, in a migration of their own. */
export const LATER_SERVICE_SUMMARIES = [COUNTED_FACILITIES];

/** Investment by the year it was made for (`year_start`: 1 January of `year`), kept by region level from the start. */
export const INVESTMENT_BY_YEAR: MonthSummary = {
  schema: 'service_delivery',
  table: 'investment_region_year',
  source: 'service_investment',
  time: { column: 'year_start', type: 'date', include: ['amount'] },
  measures: { amount: 'amount' },
};

/** Days from submission to resolution of a resolved request (float8: date_part, not extract, whose numeric doubled a median's cost). */
export const DAYS_TO_RESOLVE = `date_part('epoch', resolved_at - submitted_at) / 86400`;

/** The resolved requests by region, month and days to resolve (to 0.1 day): the regions' medians. */
export const RESOLUTION_DAYS: MonthHistogram = { of: REQUESTS_BY_RESOLUTION, table: 'request_resolution_days', days: DAYS_TO_RESOLVE };

export const SERVICE_HISTOGRAMS = [RESOLUTION_DAYS];
