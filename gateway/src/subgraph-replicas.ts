/**
 * A subgraph's replicas, taken in turn. A request a replica never received
 * (its connection refused: stopped, not yet started) goes to the next one,
 * and so does a request whose connection was closed before any answer when
 * sending it twice is harmless (a query). That is what lets one replica
 * restart at a time with no failed request: a stopping replica closes its
 * listener and its idle connections, and the other takes its callers.
 */
export class SubgraphReplicas {
  private next = 0;

  constructor(readonly urls: readonly string[]) {
    if (urls.length === 0) {
      throw new Error('a subgraph needs at least one URL');
    }
  }

  /**
   * Sends with `send` to one replica after another, starting with the next
   * in turn, until one answers or a failure that another replica would not
   * mend; at most twice to each (two rounds: a kept-alive connection to a
   * replica that restarted fails once, and the next attempt opens a new one).
   * `resendable` says the request may be sent again after its connection
   * closed unanswered.
   */
  async send<T>(send: (url: string) => Promise<T>, resendable: boolean, signal?: AbortSignal): Promise<T> {
    const first = this.next;
    this.next = (this.next + 1) % this.urls.length;
    const attempts = 2 * this.urls.length;
    for (let attempt = 0; ; attempt += 1) {
      const url = this.urls[(first + attempt) % this.urls.length];
      try {
        return await send(url);
      } catch (error) {
        const failure = connectionFailureOf(error);
        const another = attempt + 1 < attempts && !signal?.aborted;
        if (!another || failure === null || (failure === 'closed unanswered' && !resendable)) {
          throw error;
        }
      }
    }
  }
}

const REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const CLOSED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** What Node's fetch failed on, when the connection failed: the request never reached the replica, or its connection closed before an answer. */
export function connectionFailureOf(error: unknown): 'refused' | 'closed unanswered' | null {
  // Compared by shape, not instanceof: fetch's errors may come from another realm (a test's sandbox).
  if ((error as { name?: unknown } | null)?.name !== 'TypeError') {
    return null;
  }
  // fetch wraps the socket's error in `cause`, sometimes an AggregateError of one per address tried.
  const cause = (error as { cause?: { errors?: unknown } }).cause;
  const causes: unknown[] = Array.isArray(cause?.errors) ? cause.errors : [cause];
  const codes = causes.map((entry) => (entry as { code?: unknown } | undefined)?.code).filter((code): code is string => typeof code === 'string');
  if (codes.length && codes.every((code) => REFUSED.has(code))) {
    return 'refused';
  }
  return codes.some((code) => CLOSED.has(code)) ? 'closed unanswered' : null;
}
