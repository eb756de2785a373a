import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../gateway-context';
import { estimateCost } from './estimate-cost';
import { limitExceeded, type OperationLimits } from './operation-limits';

/** The cost budget of a caller: analysts and admins run the province's large roll-ups. */
export function budgetFor(context: GatewayContext, limits: OperationLimits): number {
  if (!context.viewer) {
    return limits.costBudget.anonymous;
  }
  return context.viewer.roles.some((role) => role === 'analyst' || role === 'admin') ? limits.costBudget.analyst : limits.costBudget.signedIn;
}

/**
 * Once the operation is parsed and validated — before the query plan runs —
 * checks the page sizes it asks for and its estimated cost against the
 * caller's budget.
 */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, request, schema }) {
          if (!operation) {
            return;
          }
          const { cost, largestPage } = estimateCost(schema, document, operation, request.variables ?? {});
          if (largestPage > limits.maxPageSize) {
            throw limitExceeded('page size (first)', limits.maxPageSize, largestPage);
          }
          const budget = budgetFor(contextValue, limits);
          if (cost > budget) {
            throw limitExceeded('estimated cost', budget, cost);
          }
        },
      };
    },
  };
}
