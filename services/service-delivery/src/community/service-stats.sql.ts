import { chinaYear, distributionBucketSql, lastTwelveMonths, sqlInstant } from '@shequ/kit';
import { ServiceFacilityKind } from '../facilities/service-facility.entity';
import { DAYS_TO_RESOLVE } from './service-summaries';

/*
 * The SQL meaning of each figure, shared by the stats loader (any community
 * or region) and the rankings (every community of a region), so a ranked
 * value and the same community's serviceStats always agree. The windows are
 * the kit's China-time ones, read from its clock when a statement is built.
 */

/** Facilities that count: not closed. */
export const COUNTED_FACILITY = `f.status <> 'CLOSED'`;

/** The welfare facilities, counted per 1,000 residents. */
export const WELFARE_KINDS: readonly ServiceFacilityKind[] = [ServiceFacilityKind.ELDERLY_CARE, ServiceFacilityKind.DISABILITY_SERVICES, ServiceFacilityKind.CHILD_WELFARE];

export const WELFARE_FACILITY = `f.kind IN (${WELFARE_KINDS.map((kind) => `'${kind}'`).join(', ')})`;

export const OPEN_REQUEST = `r.status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')`;

function inLast12Months(column: string): string {
  const window = lastTwelveMonths();
  return `${column} >= ${sqlInstant(window.since)} AND ${column} < ${sqlInstant(window.until)}`;
}

export const submittedLast12Months = () => inLast12Months('r.submitted_at');

export const resolvedLast12Months = () => inLast12Months('r.resolved_at');

/** Rows of service_request r that any request figure can use; narrows the scan. */
export const relevantRequest = () => `(${OPEN_REQUEST} OR (${submittedLast12Months()}) OR (${resolvedLast12Months()}))`;

export const resolvedWithin15DaysRate = () => `(count(*) FILTER (WHERE ${resolvedLast12Months()} AND r.resolved_at <= r.submitted_at + interval '15 days'))::float8
  / nullif(count(*) FILTER (WHERE ${resolvedLast12Months()}), 0)`;

/** Over the days to resolve bucketed as the regions' histograms count them (0.1 day), so a community and its region agree. */
export const medianDaysToResolve = () => `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${distributionBucketSql(DAYS_TO_RESOLVE)})
  FILTER (WHERE ${resolvedLast12Months()})`;

export const averageSatisfaction = () => `avg(r.satisfaction) FILTER (WHERE ${resolvedLast12Months()})::float8`;

/** The calendar year in China, where the programme's budgets run. */
export const investmentThisYear = (alias: string) => `${alias}.year = ${chinaYear()}`;
