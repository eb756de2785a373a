import { defineFigureFeed, type FigurePart } from '@shequ/kit';
import { COUNTED_FACILITY, OPEN_REQUEST, WELFARE_FACILITY } from '../community/service-stats.sql';
import { REQUESTS_BY_RESOLUTION } from '../community/service-summaries';

/*
 * Service delivery's statistics feed. Its figures mean what serviceStats
 * means (the same SQL constants and summary measures), so the twelve months
 * of a community's flows add up to its …Last12Months figures where the
 * windows meet.
 */

const REQUESTS = 'service_delivery.service_request r';
const resolution = REQUESTS_BY_RESOLUTION.measures;

export const serviceDeliveryFlows = (): FigurePart => ({
  measures: ['requests_submitted', 'requests_resolved', 'requests_resolved_within_15_days', 'satisfaction_sum', 'satisfaction_count', 'investment_yuan'],
  sources: [
    { from: REQUESTS, code: 'r.community_code', time: { column: 'r.submitted_at', type: 'timestamptz' }, values: { requests_submitted: 'count(*)' } },
    // Unaliased, so the summary's measures (over unqualified columns) are the feed's very definitions.
    {
      from: `${REQUESTS_BY_RESOLUTION.schema}.${REQUESTS_BY_RESOLUTION.source}`,
      code: 'community_code',
      time: { column: 'resolved_at', type: 'timestamptz' },
      where: REQUESTS_BY_RESOLUTION.filter,
      values: {
        requests_resolved: `sum(${resolution.resolved})`,
        requests_resolved_within_15_days: `sum(${resolution.resolved_within_15_days})`,
        satisfaction_sum: `sum(${resolution.satisfaction_sum})`,
        satisfaction_count: `sum(${resolution.rated})`,
      },
    },
    // Investment carries its budget year only; the month it is dated by is the month it was recorded.
    { from: 'service_delivery.service_investment i', code: 'i.community_code', time: { column: 'i.recorded_at', type: 'timestamptz' }, values: { investment_yuan: 'sum(i.amount)' } },
  ],
  samples: [
    {
      measure: 'days_to_resolve',
      from: REQUESTS,
      code: 'r.community_code',
      time: { column: 'r.resolved_at', type: 'timestamptz' },
      where: 'r.resolved_at IS NOT NULL',
      days: `date_part('epoch', r.resolved_at - r.submitted_at) / 86400`,
    },
  ],
});

export const serviceDeliveryStocks = (): FigurePart => ({
  measures: ['facilities', 'welfare_facilities', 'open_requests'],
  sources: [
    {
      from: 'service_delivery.service_facility f',
      code: 'f.community_code',
      where: COUNTED_FACILITY,
      values: { facilities: 'count(*)', welfare_facilities: `count(*) FILTER (WHERE ${WELFARE_FACILITY})` },
    },
    { from: REQUESTS, code: 'r.community_code', where: OPEN_REQUEST, values: { open_requests: 'count(*)' } },
  ],
});

export const ServiceDeliveryFigureFeed = defineFigureFeed({
  fieldPrefix: 'serviceDelivery',
  department: 'service delivery',
  flows: serviceDeliveryFlows,
  stocks: serviceDeliveryStocks,
  weights: { page: 2000, months: 20000 },
});
