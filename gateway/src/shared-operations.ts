import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { Counter, type Registry } from 'prom-client';
import type { GatewayContext } from './gateway-context';

type ResultData = Record<string, unknown> | null | undefined;

/** An operation being executed for one caller, which identical ones wait for. */
interface InFlight {
  data: Promise<ResultData | null>;
  settle: (data: ResultData | null) => void;
  /** Callers still waiting, the one executing included: the execution is abandoned only when none is left. */
  waiting: number;
  allGone: AbortController;
}

/** Counts a caller in while they wait, and out when they go. */
function wait(entry: InFlight, callerGone: AbortSignal | undefined): void {
  entry.waiting += 1;
  const leave = () => {
    entry.waiting -= 1;
    if (entry.waiting === 0) {
      entry.allGone.abort();
    }
  };
  if (callerGone?.aborted) {
    leave();
  } else {
    callerGone?.addEventListener('abort', leave, { once: true });
    void entry.data.finally(() => callerGone?.removeEventListener('abort', leave));
  }
}

/**
 * Identical queries in flight at the same moment — same document, operation
 * name, variables and Authorization header, so the same caller's rights —
 * are executed once: the first runs its query plan, the others wait for its
 * data instead of planning, fetching and shaping the same answer again. It
 * runs after every check (token, limits, cost, division codes), which each
 * request still passes on its own. Mutations are never shared, nor an answer
 * with errors: whoever waited for one executes the operation themselves. The
 * execution runs on while any of its callers waits, as a shared subgraph
 * fetch does: it is abandoned only when every one of them has gone.
 */
export function sharedOperationsPlugin(registry: Registry): ApolloServerPlugin<GatewayContext> {
  const inFlight = new Map<string, InFlight>();
  const shared = new Counter({
    name: 'shequ_gateway_shared_operations_total',
    help: 'Queries answered with the data of an identical query executed at the same moment for the same token, instead of executing again.',
    registers: [registry],
  });
  const keyOf = ({ request, contextValue, operation }: GraphQLRequestContext<GatewayContext>): string | null => {
    if (operation?.operation !== OperationTypeNode.QUERY || !request.query) {
      return null;
    }
    try {
      return JSON.stringify([request.query, request.operationName ?? null, request.variables ?? null, contextValue.authorization]);
    } catch {
      // Variables too deeply nested to write out (a hostile request): executed on their own.
      return null;
    }
  };
  return {
    async requestDidStart() {
      let leading: { key: string; entry: InFlight } | null = null;
      const settle = (data: ResultData | null) => {
        if (leading) {
          inFlight.delete(leading.key);
          leading.entry.settle(data);
          leading = null;
        }
      };
      return {
        async responseForOperation(requestContext) {
          const key = keyOf(requestContext);
          if (key === null) {
            return null;
          }
          const running = inFlight.get(key);
          if (!running) {
            let resolve: (data: ResultData | null) => void = () => undefined;
            const entry: InFlight = { data: new Promise((done) => (resolve = done)), settle: (data) => resolve(data), waiting: 0, allGone: new AbortController() };
            wait(entry, requestContext.contextValue.signal);
            // The execution (and the subgraph fetches it shares) now ends when every caller waiting for it has gone, not this one alone.
            requestContext.contextValue.signal = entry.allGone.signal;
            inFlight.set(key, entry);
            leading = { key, entry };
            return null;
          }
          wait(running, requestContext.contextValue.signal);
          const data = await running.data;
          if (data === null) {
            return null;
          }
          shared.inc();
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
        async willSendResponse({ response }) {
          const body = response.body;
          settle(body.kind === 'single' && !body.singleResult.errors?.length ? body.singleResult.data : null);
        },
        async didEncounterErrors() {
          settle(null);
        },
      };
    },
  };
}
