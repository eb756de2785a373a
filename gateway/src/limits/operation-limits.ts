import { GraphQLError } from 'graphql';

/** Bounds on what one operation may ask; every value is configurable (see environment.ts). */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
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
  maxDepth: 15,
  maxAliases: 30,
  maxTokens: 3000,
  maxDirectives: 20,
  maxPageSize: 100,
  maxHeavySelections: 3,
  costBudget: { anonymous: 10_000, signedIn: 20_000, analyst: 50_000 },
};

/** An operation over a limit: BAD_USER_INPUT saying which limit, the maximum and how far over it is. */
export function limitExceeded(limit: string, maximum: number, actual: number, hint = ''): GraphQLError {
  return new GraphQLError(`operation ${limit} is ${actual}, over the limit of ${maximum} by ${actual - maximum}${hint}`, {
    extensions: { code: 'BAD_USER_INPUT', limit, maximum, actual, http: { status: 400 } },
  });
}
