import type { IncomingMessage } from 'node:http';
import type { Admission, Viewer } from '@shequ/kit';
import { CountPerCaller } from './count-per-caller';

export interface ConcurrencyLimits {
  /** Requests one signed-in caller (token subject) may have in flight at once. */
  perSubject: number;
  /** Requests in flight at once from one address without a token (offices behind one NAT share it: keep it generous). */
  perAnonymousAddress: number;
}

/** Who a caller is, for the bounds on what one caller may run: the verified token's subject, else the address. */
export function callerKeyOf(viewer: Viewer | null, request: IncomingMessage): string {
  return viewer ? `subject:${viewer.sub}` : `address:${request.socket.remoteAddress ?? 'unknown'}`;
}

export const DEFAULT_CONCURRENCY: ConcurrencyLimits = { perSubject: 16, perAnonymousAddress: 32 };

/**
 * Bounds how many requests one caller has in flight, so that one caller's
 * burst of slow operations cannot take every subgraph connection: a caller
 * over the bound gets 429 with Retry-After before the body is read. Callers
 * are told apart by their verified token's subject — an unverifiable token
 * counts as its address, so nobody can spend another subject's share — and
 * by address without a token.
 */
export function callerConcurrency(limits: ConcurrencyLimits, viewerOf: (request: IncomingMessage) => Promise<Viewer | null>) {
  const inFlight = new CountPerCaller();
  return async (request: IncomingMessage): Promise<Admission> => {
    const viewer = await viewerOf(request).catch(() => null);
    const key = callerKeyOf(viewer, request);
    const limit = viewer ? limits.perSubject : limits.perAnonymousAddress;
    if (inFlight.of(key) >= limit) {
      return {
        status: 429,
        headers: { 'retry-after': '1' },
        code: 'TOO_MANY_REQUESTS',
        message: `too many requests in flight: at most ${limit} at once ${viewer ? 'per signed-in caller' : 'per address without a token'}; retry when one has answered`,
      };
    }
    return { release: inFlight.add(key) };
  };
}
