import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withNetworkRetries } from './feed-source';

let server: Server;
let url: string;
let requests = 0;
/** How many requests the server drops (closing the socket without an answer) before it answers. */
let dropFirst = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests += 1;
    if (requests <= dropFirst) {
      request.socket.destroy();
      return;
    }
    response.writeHead(requests === 99 ? 500 : 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ data: { ok: true } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
beforeEach(() => {
  requests = 0;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const send = () => fetch(url, { method: 'POST', body: '{}' });

describe('a feed read that fails in transport', () => {
  it('is sent again, and answers when the department does', async () => {
    dropFirst = 2;
    const response = await withNetworkRetries(send, 1);
    expect(await response.json()).toEqual({ data: { ok: true } });
    expect(requests).toBe(3);
  });

  it('fails after three attempts, naming the transport error', async () => {
    dropFirst = 3;
    await expect(withNetworkRetries(send, 1)).rejects.toThrow('fetch failed');
    expect(requests).toBe(3);
  });

  it('is not sent again once the department answered, even with an error', async () => {
    dropFirst = 0;
    requests = 98;
    const response = await withNetworkRetries(send, 1);
    expect(response.status).toBe(500);
    expect(requests).toBe(99);
  });
});
