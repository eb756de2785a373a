import * as http from 'node:http';
import * as https from 'node:https';
import type { FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';

/**
 * The gateway's client for subgraph calls: Node's `http.request` over
 * kept-alive connections, answering with the members of a fetch `Response`
 * the data source reads (status, headers, the body as text or JSON).
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
export type SubgraphFetch = (url: string, init: FetcherRequestInit & { signal?: AbortSignal }) => Promise<FetcherResponse>;

/**
 * Idle connections are kept until the subgraph's announced keep-alive
 * timeout less a second (Node's agent reads the `Keep-Alive: timeout=` hint):
 * a request is then never written to a connection the subgraph is closing.
 */
export function createSubgraphHttpClient(): { fetch: SubgraphFetch; close(): void } {
  const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
  const fetch: SubgraphFetch = (url, init) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const { signal } = init;
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const target = new URL(url);
      const transport = target.protocol === 'https:' ? https : http;
      const body = init.body ?? '';
      const request = transport.request(target, {
        method: init.method ?? 'POST',
        headers: { ...(init.headers as Record<string, string> | undefined), 'content-length': Buffer.byteLength(body) },
        agent: agents[target.protocol as keyof typeof agents],
      });
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
          resolve(answerOf(url, response, Buffer.concat(chunks).toString('utf8')));
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

function answerOf(url: string, response: http.IncomingMessage, text: string): FetcherResponse {
  const status = response.statusCode ?? 0;
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) {
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: response.statusMessage ?? '',
    url,
    headers,
    bodyUsed: false,
    redirected: false,
    text: () => Promise.resolve(text),
    arrayBuffer: () => Promise.resolve(new TextEncoder().encode(text).buffer),
    json: () => Promise.resolve().then(() => JSON.parse(text) as unknown),
    clone() {
      return answerOf(url, response, text);
    },
  } as unknown as FetcherResponse;
}
