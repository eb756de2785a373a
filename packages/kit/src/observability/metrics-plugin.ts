import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { requestObservation } from '../server/caller-scope';
import type { OperationType } from './request-observation';

/**
 * Tells the request's observation (see `requestObservation`) what Apollo knows:
 * the operation's type and the codes of the errors in the answer, as
 * formatted for the client. Add it to every Apollo server the kit's HTTP
 * server serves.
 */
export function requestMetricsPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const observation = requestObservation();
      if (!observation) {
        return;
      }
      return {
        async didResolveOperation({ operation }) {
          observation.operationType = (operation?.operation as OperationType | undefined) ?? 'unknown';
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') {
            return;
          }
          const { data, errors } = response.body.singleResult;
          const codes = (errors ?? []).map((error) => (typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN'));
          observation.answered(data !== undefined && data !== null, codes);
        },
      };
    },
  };
}
