/**
 * The one rounding of a duration in days for a distribution sample (the
 * statistics store computes region medians from them): to a tenth of a day
 * up to 60 days, to whole days up to 366, and 367 for anything longer. Halves
 * round away from zero, as PostgreSQL rounds a numeric; `distributionBucketSql`
 * is the same rule in SQL, and a test holds the two together.
 */
export const LONGER_THAN_A_YEAR = 367;

export function distributionBucket(days: number): number {
  if (!Number.isFinite(days)) {
    throw new Error(`not a number of days: ${days}`);
  }
  if (days > 366) {
    return LONGER_THAN_A_YEAR;
  }
  // Through 15 significant digits first, as PostgreSQL turns a float8 into a numeric, so 0.15 is 0.15 and rounds up.
  const exact = Number(days.toPrecision(15));
  const places = Math.abs(exact) <= 60 ? 1 : 0;
  const scaled = Number((Math.abs(exact) * 10 ** places).toPrecision(15));
  return (Math.sign(exact) * Math.round(scaled)) / 10 ** places || 0;
}

/** SQL: `distributionBucket` of a float8 expression of days, as a float8. */
export function distributionBucketSql(days: string): string {
  return `(CASE WHEN (${days}) > 366 THEN ${LONGER_THAN_A_YEAR}::float8
    WHEN abs(${days}) <= 60 THEN round((${days})::numeric, 1)::float8
    ELSE round((${days})::numeric)::float8 END)`;
}
