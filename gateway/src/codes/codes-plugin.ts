import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlError, isCommunityCode, isRegionCode, shown } from '@shequ/kit';
import type { GatewayContext } from '../gateway-context';
import { memoizedPerOperation } from '../operation-memo';
import { codesOfOperation } from './code-arguments';
import type { CodeRegistry } from './code-registry';

/** HTTP status of an operation refused before planning for a code nobody has. */
const NOT_FOUND_STATUS = 404;

/**
 * Once the operation is validated — before the query plan runs — checks
 * every well-formed division code it names against the registry: a code
 * nobody has is NOT_FOUND naming the code and the argument, rather than a
 * null or an empty list that a typo would otherwise look like. Malformed
 * codes are left to the subgraph, whose BAD_USER_INPUT says what is expected.
 */
export function divisionCodesPlugin(registry: CodeRegistry): ApolloServerPlugin<GatewayContext> {
  const wellFormedCodesOf = memoizedPerOperation((schema, document, operation, variables) =>
    (codesOfOperation(schema, document, operation, variables) ?? []).filter(({ code }) => isRegionCode(code) || isCommunityCode(code)),
  );
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) {
            return;
          }
          const named = wellFormedCodesOf(schema, document, operation, request.variables ?? {});
          if (named.length === 0) {
            return;
          }
          const unknown = await registry.unknownOf([...new Set(named.map(({ code }) => code))]);
          const first = unknown && named.find(({ code }) => unknown.includes(code));
          if (first) {
            throw graphqlError('NOT_FOUND', `${first.argument}: no region or community has the code ${shown(first.code)}`, {
              argument: first.argument,
              http: { status: NOT_FOUND_STATUS },
            });
          }
        },
      };
    },
  };
}
