import * as http from 'node:http';
import * as https from 'node:https';
import { urlToHttpOptions } from 'node:url';

/**
 * The gateway's client for subgraph calls: Node's `http.request` over
 * kept-alive connections, answering with what the data source reads: the
 * status, a header or two and the body as text.
 *
 * Not WHATWG `fetch`: on the gateway's busiest path it builds a Request, a
 * Headers and a web stream for every call, and its body reading dominated
 * the gateway's own profile under writes. A subgraph's answer is read whole
 * anyway (it is one JSON document), so it is buffered here and parsed once.
 *
 * Failures keep fetch's shape, which the replicas and the failure codes
 * read: a connection that failed is a `TypeError` whose `cause` is the
 * socket's error (with its `code`); a request its signal ended rejects with
 * the signal's reason (a `TimeoutError` at the deadline).
 */
export type SubgraphFetch = (url: string, init: SubgraphRequestInit) => Promise<SubgraphAnswer>;

export interface SubgraphRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/** A subgraph's answer, read whole. */
export interface SubgraphAnswer {
  ok: boolean;
  status: number;
  statusText: string;
  /** A header's value (names in any case), several joined with ", "; undefined when absent. */
  header(name: string): string | undefined;
  text: string;
}

/**
 * Idle connections are kept until the subgraph's announced keep-alive
 * timeout less a second (Node's agent reads the `Keep-Alive: timeout=` hint):
 * a request is then never written to a connection the subgraph is closing.
 */
export function createSubgraphHttpClient(): { fetch: SubgraphFetch; close(): void } {
  const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
  // A gateway calls a handful of URLs, each many times a second: each is parsed once.
  const targets = new Map<string, { transport: typeof http | typeof https; options: http.RequestOptions }>();
  const targetOf = (url: string) => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      const secure = parsed.protocol === 'https:';
      target = {
        transport: secure ? https : http,
        options: { ...urlToHttpOptions(parsed), agent: secure ? agents['https:'] : agents['http:'] },
      };
      targets.set(url, target);
    }
    return target;
  };
  const fetch: SubgraphFetch = (url, init) =>
    new Promise<SubgraphAnswer>((resolve, reject) => {
      const { signal } = init;
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const { transport, options } = targetOf(url);
      const body = init.body ?? '';
      const request = transport.request({ ...options, method: init.method ?? 'POST', headers: { ...init.headers, 'content-length': Buffer.byteLength(body) } });
      const onAbort = () => {
        request.destroy();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => signal?.removeEventListener('abort', onAbort);
      request.on('error', (error) => {
        settle();
        reject(new TypeError('fetch failed', { cause: error }));
      });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => {
          settle();
          reject(new TypeError('fetch failed', { cause: error }));
        });
        response.on('end', () => {
          settle();
          resolve(answerOf(response, Buffer.concat(chunks).toString('utf8')));
        });
      });
      request.end(body);
    });
  return {
    fetch,
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

function answerOf(response: http.IncomingMessage, text: string): SubgraphAnswer {
  const status = response.statusCode ?? 0;
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: response.statusMessage ?? '',
    header(name) {
      const value = response.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    text,
  };
}
