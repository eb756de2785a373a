import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@shequ/database';
import { createSubgraphHttpClient } from './subgraph-http-client';
import { SubgraphReadiness } from './subgraph-readiness';
import { connectionFailureOf, SubgraphReplicas } from './subgraph-replicas';

/** Real sockets: a replica that answers (counting what it received), one that closes every connection unanswered, and a closed port. */
let answering: Server;
let closing: Server;
let received = 0;
let refusedUrl: string;

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
const listening = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
};
// The gateway's own client, whose failures the replicas read.
const client = createSubgraphHttpClient();
const post = (url: string) => client.fetch(url, { method: 'POST', body: '{}' }).then((response) => response.text);

beforeAll(async () => {
  answering = await listening(
    createServer((request, response) => {
      received += 1;
      request.resume().on('end', () => response.end(`answered by ${request.socket.localPort}`));
    }),
  );
  closing = await listening(createServer((request) => request.socket.destroy()));
  refusedUrl = `http://127.0.0.1:${await freePort()}/graphql`;
});

afterAll(async () => {
  client.close();
  await Promise.all([answering, closing].map((server) => new Promise((resolve) => server.close(resolve))));
});

beforeEach(() => {
  received = 0;
});

describe('a subgraph’s replicas', () => {
  it('take requests in turn', async () => {
    const replicas = new SubgraphReplicas([urlOf(answering), urlOf(answering).replace('127.0.0.1', 'localhost')]);
    const asked: string[] = [];
    for (let index = 0; index < 4; index += 1) {
      await replicas.send((url) => (asked.push(url), post(url)), true);
    }
    expect(asked).toEqual([...replicas.urls, ...replicas.urls]);
  });

  it('send a request a replica refused to the next, whether or not it may be sent twice', async () => {
    for (const resendable of [true, false]) {
      const replicas = new SubgraphReplicas([refusedUrl, urlOf(answering)]);
      await expect(replicas.send(post, resendable)).resolves.toMatch(/^answered by/);
    }
    expect(received).toBe(2);
  });

  it('send a query whose connection closed unanswered to the next, but not a write, which the first may have run', async () => {
    const replicas = () => new SubgraphReplicas([urlOf(closing), urlOf(answering)]);
    await expect(replicas().send(post, true)).resolves.toMatch(/^answered by/);
    expect(received).toBe(1);
    const write = replicas().send(post, false);
    await expect(write).rejects.toThrow('fetch failed');
    expect(connectionFailureOf(await write.catch((error: unknown) => error))).toBe('closed unanswered');
    expect(received).toBe(1);
  });

  it('give up when every replica refused twice, with the last failure', async () => {
    const replicas = new SubgraphReplicas([refusedUrl, refusedUrl]);
    const asked: string[] = [];
    const failure = await replicas.send((url) => (asked.push(url), post(url)), true).catch((error: unknown) => error);
    expect(connectionFailureOf(failure)).toBe('refused');
    expect(asked).toHaveLength(4);
  });

  it('try a replica again after its kept-alive connection failed (it restarted meanwhile)', async () => {
    const replicas = new SubgraphReplicas([urlOf(answering), refusedUrl]);
    let stale = true;
    const send = (url: string) => {
      if (stale) {
        stale = false;
        return Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }));
      }
      return post(url);
    };
    await expect(replicas.send(send, true)).resolves.toMatch(/^answered by/);
    expect(received).toBe(1);
  });

  it('do not try another once the caller has gone', async () => {
    const gone = AbortSignal.abort();
    const replicas = new SubgraphReplicas([refusedUrl, urlOf(answering)]);
    await expect(replicas.send(post, true, gone)).rejects.toThrow('fetch failed');
    expect(received).toBe(0);
  });

  it('are not a failure of the connection when the replica answered', () => {
    expect(connectionFailureOf(new Error('400: Bad Request'))).toBeNull();
    expect(connectionFailureOf(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))).toBe('refused');
    expect(connectionFailureOf(Object.assign(new TypeError('fetch failed'), { cause: new AggregateError([{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }]) }))).toBe('refused');
  });
});

describe('the gateway’s readiness with replicas', () => {
  it('counts a subgraph ready while any replica is', async () => {
    const withOne = await new SubgraphReadiness([{ name: 'volunteers', urls: [refusedUrl, urlOf(answering)] }]).check();
    expect(withOne).toEqual({ ready: true, detail: { subgraphs: { volunteers: 'ready' } } });
    const withNone = await new SubgraphReadiness([{ name: 'volunteers', urls: [refusedUrl, urlOf(closing)] }]).check();
    expect(withNone).toEqual({ ready: false, detail: { subgraphs: { volunteers: 'unreachable' }, notReady: ['volunteers'] } });
  });
});
