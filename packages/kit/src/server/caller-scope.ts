import { AsyncLocalStorage } from 'node:async_hooks';
import { observedRequest } from '../observability/request-observation';

/**
 * The signal of the request being served, aborted when its caller goes
 * (the gateway gave up or its own caller left). Work started on the
 * request's behalf — SQL above all — reads it to stop with it.
 */
export const callerScope = new AsyncLocalStorage<AbortSignal>();

/**
 * Runs work that outlives the request that started it (a statistics
 * refresh answered before it ends): its SQL is not cancelled when the
 * caller goes, nor counted as the request's.
 */
export function detachedFromCaller<T>(work: () => T): T {
  return callerScope.exit(() => observedRequest.exit(work));
}
