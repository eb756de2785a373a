import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlError } from '@shequ/kit';
import type { GatewayContext } from './gateway-context';

/** Outside development only signed-in callers may introspect the graph (DESIGN: Operations). */
export function introspectionForSignedInOnly(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document }) {
          if (contextValue.viewer) {
            return;
          }
          const source = document.loc?.source.body ?? '';
          if (/\b__(schema|type)\b/.test(source)) {
            // Thrown from a plugin hook, an error without a status would be answered as a 500.
            throw graphqlError('FORBIDDEN', 'introspection needs a signed-in caller', { http: { status: 403 } });
          }
        },
      };
    },
  };
}
