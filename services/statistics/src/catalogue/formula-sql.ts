/*
 * SQL building blocks for indicator formulas. Every formula reads the
 * columns of one period row (`period-rows.ts`), whose figures are already summed over
 * the row's communities and months, so a region's rate is its numerator over
 * its denominator — never an average of its communities' rates. Quotients are
 * exact (as the kit's `ratio` and `perThousand`), null with nothing to divide by.
 */

export type ColumnReader = (column: string) => string;

export function ratioSql(numerator: string, denominator: string): string {
  return `(CASE WHEN (${denominator}) > 0 THEN (${numerator})::float8 / (${denominator}) END)`;
}

export function perThousandSql(count: string, population: string): string {
  return ratioSql(`(${count}) * 1000.0`, population);
}

export function perHundredSql(count: string, population: string): string {
  return ratioSql(`(${count}) * 100.0`, population);
}

/** A value, as a float8, null when absent. */
export function valueSql(column: string): string {
  return `(${column})::float8`;
}
