import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../gateway-context';
import { estimateCost } from './estimate-cost';
import { memoizedPerOperation } from '../operation-memo';
import type { FieldWeights } from './field-weights';
import type { HeavyOperations } from './heavy-operations';
import { limitExceeded, type OperationLimits } from './operation-limits';

/** The cost budget of a caller: analysts and admins run the province's large roll-ups. */
export function budgetFor(context: GatewayContext, limits: OperationLimits): number {
  if (!context.viewer) {
    return limits.costBudget.anonymous;
  }
  return context.viewer.roles.some((role) => role === 'analyst' || role === 'admin') ? limits.costBudget.analyst : limits.costBudget.signedIn;
}

function busy(message: string): GraphQLError {
  return new GraphQLError(`${message}: retry in a moment, or ask for a smaller region or span`, {
    extensions: { code: 'TOO_MANY_REQUESTS', http: { status: 429, headers: new HeaderMap([['retry-after', '1']]) } },
  });
}

/**
 * Once the operation is parsed and validated — before the query plan runs —
 * checks the page sizes it asks for, how often it selects one heavy field,
 * and its estimated cost against the caller's budget; a heavy operation
 * then takes one of the few slots for heavy work until it has answered.
 */
export function operationLimitsPlugin(limits: OperationLimits, weights: FieldWeights, heavy: HeavyOperations): ApolloServerPlugin<GatewayContext> {
  const estimate = memoizedPerOperation((schema, document, operation, variables) => estimateCost({ schema, weights, maxPageSize: limits.maxPageSize }, document, operation, variables));
  return {
    async requestDidStart() {
      let release: (() => void) | null = null;
      return {
        async willSendResponse() {
          release?.();
        },
        async didResolveOperation({ contextValue, document, operation, request, schema }) {
          if (!operation) {
            return;
          }
          const { cost, largestPage, heaviest, weightedCost } = estimate(schema, document, operation, request.variables ?? {});
          if (!contextValue.writtenByGateway) {
            if (largestPage > limits.maxPageSize) {
              throw limitExceeded('page size (first)', limits.maxPageSize, largestPage);
            }
            if (heaviest && heaviest.selections > limits.maxHeavySelections) {
              throw limitExceeded(`selections of the heavy field ${heaviest.field}`, limits.maxHeavySelections, heaviest.selections);
            }
            const budget = budgetFor(contextValue, limits);
            if (cost > budget) {
              throw limitExceeded('estimated cost', budget, cost, contextValue.viewer ? '' : ': signing in raises the budget (send "Authorization: Bearer <token>")');
            }
          }
          if (heavy.isHeavy(weightedCost)) {
            const slot = await heavy.start(contextValue.callerKey);
            if ('refusal' in slot) {
              throw busy(slot.refusal);
            }
            release = slot.release;
          }
        },
      };
    },
  };
}
