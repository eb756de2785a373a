/*
 * The SQL meaning of each figure, shared by the stats loader (any community
 * or region) and the rankings (every community of a region), so a ranked
 * value and the same community's serviceStats always agree.
 */

/** Facilities that count: not closed. */
export const COUNTED_FACILITY = `f.status <> 'CLOSED'`;

export const WELFARE_FACILITY = `f.kind IN ('ELDERLY_CARE', 'DISABILITY_SERVICES', 'CHILD_WELFARE')`;

export const OPEN_REQUEST = `r.status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')`;

export const SUBMITTED_LAST_12_MONTHS = `r.submitted_at >= now() - interval '12 months'`;

export const RESOLVED_LAST_12_MONTHS = `r.resolved_at >= now() - interval '12 months'`;

/** Rows of service_request r that any request figure can use; narrows the scan. */
export const RELEVANT_REQUEST = `(${OPEN_REQUEST} OR ${SUBMITTED_LAST_12_MONTHS} OR ${RESOLVED_LAST_12_MONTHS})`;

export const RESOLVED_WITHIN_15_DAYS_RATE = `(count(*) FILTER (WHERE ${RESOLVED_LAST_12_MONTHS} AND r.resolved_at <= r.submitted_at + interval '15 days'))::float8
  / nullif(count(*) FILTER (WHERE ${RESOLVED_LAST_12_MONTHS}), 0)`;

// date_part, not extract: extract returns numeric, and numeric arithmetic on every resolved request doubled the median's cost.
export const MEDIAN_DAYS_TO_RESOLVE = `percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', r.resolved_at - r.submitted_at) / 86400)
  FILTER (WHERE ${RESOLVED_LAST_12_MONTHS})`;

export const AVERAGE_SATISFACTION = `avg(r.satisfaction) FILTER (WHERE ${RESOLVED_LAST_12_MONTHS})::float8`;

/** The calendar year in China, where the programme's budgets run. */
export const CURRENT_YEAR = `extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::integer`;
