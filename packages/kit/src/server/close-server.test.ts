import { Agent, createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './http-server';

/** One GET on a kept-alive connection; resolves with the status and whether the server asked to close the connection. */
function get(port: number, agent: Agent): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path: '/', agent }, (response: IncomingMessage) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe('closeServer', () => {
  let server: Server;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });

  beforeAll(async () => {
    // The first request waits until the test lets it go: a request in flight when the stop begins.
    let first = true;
    server = createServer((_request, response) => {
      const answer = () => response.end('ok');
      if (first) {
        first = false;
        void held.then(answer);
      } else {
        answer();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  it('finishes the request in flight and closes kept-alive connections a caller keeps using, without waiting for the cut', async () => {
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true, maxSockets: 2 });
    const inFlight = get(port, agent);
    // A caller on another kept-alive connection, sending again and again: it must not hold the stop open.
    const busy = await get(port, agent);
    expect(busy.status).toBe(200);
    let closed = false;
    // A cut after an hour would fail this test by its timeout: the stop must come from the drain.
    const stopping = closeServer(server, 3_600_000).then(() => {
      closed = true;
    });
    const during: { status: number; connection: string | undefined }[] = [];
    while (during.length < 3) {
      during.push(await get(port, agent).catch(() => ({ status: 0, connection: 'refused' })));
    }
    expect(closed).toBe(false);
    release();
    // Answered in full; its connection, idle afterwards, is closed by the drain.
    expect((await inFlight).status).toBe(200);
    await stopping;
    expect(closed).toBe(true);
    // What came in on kept-alive connections during the stop was answered, and each told to close its connection.
    for (const answer of during) {
      expect([answer.connection]).toEqual(expect.arrayContaining([expect.stringMatching(/^(close|refused)$/)]));
    }
    agent.destroy();
  });

  it('answers a request sent on an idle kept-alive connection after the stop began, instead of closing that connection under it', async () => {
    const quiet = createServer((_request, response) => response.end('ok'));
    await new Promise<void>((resolve) => quiet.listen(0, '127.0.0.1', resolve));
    const { port } = quiet.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await get(port, agent)).status).toBe(200);
    const stopping = closeServer(quiet, 3_600_000);
    // Idle meanwhile, well past a sweep's interval: the connection is still there, and the request on it is answered.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await get(port, agent)).toEqual({ status: 200, connection: 'close' });
    await stopping;
    agent.destroy();
  });
});
