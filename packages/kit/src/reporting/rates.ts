/**
 * The one rule for a published rate: the exact quotient, never rounded (a
 * client rounds for display; a rounded rate recomputed into a region's or
 * compared across departments would drift), and null when there is nothing
 * to divide by — no rate, rather than a rate of zero.
 */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** A count per 1,000 residents, by the same rule; null without a population. */
export function perThousand(count: number, population: number | null | undefined): number | null {
  return population ? ratio(count * 1000, population) : null;
}
