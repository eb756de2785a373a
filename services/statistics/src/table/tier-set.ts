import type { Tier } from '../catalogue/catalogue.types';

const TIER_BITS: Record<Tier, number> = { ADVANCED: 1, STANDARD: 2, FOUNDATIONAL: 4 };

/** The period rows' key for a set of tiers: a bit per tier; none asked = all (7). */
export function tierSetOf(tiers: readonly Tier[] | null | undefined): number {
  if (!tiers || tiers.length === 0) {
    return 7;
  }
  return tiers.reduce((mask, tier) => mask | TIER_BITS[tier], 0);
}
