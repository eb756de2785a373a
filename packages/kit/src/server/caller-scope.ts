import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestObservation } from '../observability/request-observation';

/** The request being served, for the work done on its behalf. */
interface ServedRequest {
  /** Aborted when its caller goes (the gateway gave up or its own caller left). */
  callerGone: AbortSignal;
  /** What it did, recorded in the process's metrics when it ends. */
  observation: RequestObservation;
}

/**
 * One store for both, not one each: Node carries every store through every
 * promise the process makes, and a subgraph answering fifty entities makes
 * thousands per request.
 */
const servedRequest = new AsyncLocalStorage<ServedRequest>();

/** Runs the serving of a request, so the work it starts can find it. */
export function serveRequest<T>(request: ServedRequest, work: () => T): T {
  return servedRequest.run(request, work);
}

/**
 * The signal of the request being served, aborted when its caller goes.
 * Work started on the request's behalf — SQL above all — reads it to stop
 * with it.
 */
export function callerGoneSignal(): AbortSignal | undefined {
  return servedRequest.getStore()?.callerGone;
}

/** The observation of the request being served, for the work done on its behalf (the Apollo plugin, the SQL logger). */
export function requestObservation(): RequestObservation | undefined {
  return servedRequest.getStore()?.observation;
}

/**
 * Runs work that outlives the request that started it (a statistics
 * refresh answered before it ends): its SQL is not cancelled when the
 * caller goes, nor counted as the request's.
 */
export function detachedFromCaller<T>(work: () => T): T {
  return servedRequest.exit(work);
}
