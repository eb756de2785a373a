import type { StreetMonthSummary } from '@shequ/kit';

/*
 * The street-by-month summaries of service requests behind the region
 * figures (kept exact by triggers, see the kit's street-month-summary). Their
 * measures mean what the constants in service-stats.sql mean.
 */

/** Requests by the month they were submitted. */
export const REQUESTS_BY_SUBMISSION: StreetMonthSummary = {
  schema: 'service_delivery',
  table: 'request_submitted_street_month',
  source: 'service_request',
  time: { column: 'submitted_at', type: 'timestamptz' },
  measures: { requests: '1' },
};

/** Resolved requests by the month they were resolved: how many, how many within 15 days, and their ratings. */
export const REQUESTS_BY_RESOLUTION: StreetMonthSummary = {
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
export const OPEN_REQUESTS: StreetMonthSummary = {
  schema: 'service_delivery',
  table: 'request_open_street',
  source: 'service_request',
  filter: `status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')`,
  measures: { requests: '1' },
};

export const SERVICE_SUMMARIES = [REQUESTS_BY_SUBMISSION, REQUESTS_BY_RESOLUTION, OPEN_REQUESTS];
