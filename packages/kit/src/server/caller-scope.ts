import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The signal of the request being served, aborted when its caller goes
 * (the gateway gave up or its own caller left). Work started on the
 * request's behalf — SQL above all — reads it to stop with it.
 */
export const callerScope = new AsyncLocalStorage<AbortSignal>();
