import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { GATEWAY_SIGNATURE_HEADER, signGatewayRequest } from '@shequ/kit';

/** What Apollo Router sends a subgraph that the subgraph must see: the token it verifies, the trace, the request id. */
const FORWARDED_HEADERS = ['content-type', 'accept', 'authorization', 'traceparent', 'tracestate'];
const REQUEST_ID_HEADER = 'x-request-id';

export interface SigningProxySettings {
  host: string;
  port: number;
  signingKey: string;
  /** Subgraph name → its URL; the proxy serves each at `/<name>`. */
  subgraphUrls: Record<string, string>;
  /** The deadline of one subgraph call, as the platform gateway's SUBGRAPH_TIMEOUT_MS. */
  timeoutMs: number;
}

export interface RunningSigningProxy {
  /** e.g. http://127.0.0.1:4100 — a subgraph is at `${url}/<name>`. */
  url: string;
  stop(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message, extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] }));
}

/**
 * Apollo Router cannot sign subgraph requests the way the subgraphs check
 * them (HMAC-SHA256 over the exact bytes sent: Rhai has SHA-256 of a string
 * but no HMAC, and sees the request before the Router serialises it; a
 * coprocessor sees it as JSON, not as bytes). This proxy runs beside the
 * Router, on loopback only, and signs what it forwards: each subgraph at
 * `/<name>`, the body passed on byte for byte and signed with
 * SUBGRAPH_SIGNING_KEY and the request id (the Router's Rhai script sets one
 * per client request; the proxy makes one when it is missing). Whatever can
 * reach it can have requests signed, exactly as with the gateway itself: it
 * must listen where only the Router does.
 */
export async function startSigningProxy(settings: SigningProxySettings): Promise<RunningSigningProxy> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const name = (request.url ?? '').replace(/^\//, '').split('?')[0];
      const target = settings.subgraphUrls[name];
      if (request.method !== 'POST' || !target) {
        refuse(response, 404, `no subgraph is served at ${request.url}`);
        return;
      }
      const body = await readBody(request);
      const headers: Record<string, string> = {};
      for (const header of FORWARDED_HEADERS) {
        const value = request.headers[header];
        if (typeof value === 'string') {
          headers[header] = value;
        }
      }
      const requestId = typeof request.headers[REQUEST_ID_HEADER] === 'string' ? request.headers[REQUEST_ID_HEADER] : randomUUID();
      headers[REQUEST_ID_HEADER] = requestId;
      headers[GATEWAY_SIGNATURE_HEADER] = signGatewayRequest(settings.signingKey, { requestId, body: body.toString('utf8') });
      try {
        const answer = await fetch(target, { method: 'POST', headers, body: new Uint8Array(body), signal: AbortSignal.timeout(settings.timeoutMs) });
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        response.end(Buffer.from(await answer.arrayBuffer()));
      } catch (error) {
        refuse(response, 502, `subgraph ${name} did not answer: ${(error as Error).name === 'TimeoutError' ? 'timed out' : 'unreachable'}`);
      }
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(settings.port, settings.host, resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://${settings.host}:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
