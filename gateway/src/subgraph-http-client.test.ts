import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSubgraphHttpClient } from './subgraph-http-client';

/** A real subgraph-like server: it answers JSON, counts the connections it was given, and can be told to hold an answer. */
let server: Server;
let url: string;
let connections = 0;
let received: { headers: IncomingMessage['headers']; body: string }[] = [];
let holdFor = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=5' });
        response.end(JSON.stringify({ data: { echo: JSON.parse(Buffer.concat(chunks).toString('utf8')) } }));
      }, holdFor).unref();
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  connections = 0;
  received = [];
  holdFor = 0;
});

describe('the gateway’s subgraph HTTP client', () => {
  it('sends the body and headers as given and reads the answer as JSON, headers and status', async () => {
    const client = createSubgraphHttpClient();
    const body = JSON.stringify({ query: '{ region(code: "620100") { name } }', variables: { name: '兰州市' } });
    const response = await client.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer t' }, body });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.header('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.header('cache-control')).toBe('max-age=5');
    expect(JSON.parse(response.text)).toEqual({ data: { echo: JSON.parse(body) } });
    expect(received[0].body).toBe(body);
    expect(received[0].headers).toMatchObject({ authorization: 'Bearer t', 'content-length': String(Buffer.byteLength(body)) });
    client.close();
  });

  it('keeps one connection for calls one after another', async () => {
    const client = createSubgraphHttpClient();
    for (let call = 0; call < 5; call += 1) {
      await client.fetch(url, { method: 'POST', body: '{}' });
    }
    expect(received).toHaveLength(5);
    expect(connections).toBe(1);
    client.close();
  });

  it('ends a call when its signal does, with the signal’s reason (a timeout at the deadline)', async () => {
    const client = createSubgraphHttpClient();
    holdFor = 2_000;
    const failure = await client.fetch(url, { method: 'POST', body: '{}', signal: AbortSignal.timeout(50) }).catch((error: unknown) => error);
    expect((failure as Error).name).toBe('TimeoutError');
    const gone = new AbortController();
    gone.abort(new Error('caller gone'));
    await expect(client.fetch(url, { method: 'POST', body: '{}', signal: gone.signal })).rejects.toThrow('caller gone');
    client.close();
  });
});
