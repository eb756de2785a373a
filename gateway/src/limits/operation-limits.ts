import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from '@shequ/kit';

// One refusal for every limit, the kit's, whether the gateway or a subgraph applies it.
export { limitExceeded } from '@shequ/kit';

/**
 * Bounds on what one operation may ask; every value is configurable (see
 * environment.ts). The document limits are the kit's, shared with every
 * subgraph; page size and cost are the gateway's own.
 */
export interface OperationLimits extends DocumentLimits {
  maxPageSize: number;
  /** How often one operation may select the same heavy field (estimate-cost.ts), aliases and fragments included. */
  maxHeavySelections: number;
  /**
   * Estimated cost budgets (in the unit of the fields' weights, about 0.1 ms
   * of a subgraph's work): anonymous callers, signed-in callers, analysts and admins.
   */
  costBudget: { anonymous: number; signedIn: number; analyst: number };
}

export const DEFAULT_LIMITS: OperationLimits = {
  ...DEFAULT_DOCUMENT_LIMITS,
  maxPageSize: 100,
  maxHeavySelections: 3,
  costBudget: { anonymous: 10_000, signedIn: 20_000, analyst: 50_000 },
};
