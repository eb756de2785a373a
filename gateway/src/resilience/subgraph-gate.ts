import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of a subgraph that a test can make as slow as it
 * needs: while held, every GraphQL request waits at the proxy until let go;
 * `/ready` and the like pass at once. It counts the GraphQL requests that
 * reach the subgraph: in all, now, and the most at once.
 */
export class SubgraphGate {
  /** GraphQL requests received since the proxy started. */
  received = 0;
  /** GraphQL requests at the subgraph now: received and not yet answered. */
  running = 0;
  /** The most GraphQL requests at the subgraph at once since `resetCounts`. */
  mostAtOnce = 0;
  private holding = false;
  private readonly waiting: (() => void)[] = [];

  private constructor(
    private readonly server: Server,
    private readonly target: URL,
  ) {}

  /** A gate in front of the subgraph at `subgraphUrl` (its /graphql URL). */
  static async start(subgraphUrl: string): Promise<SubgraphGate> {
    const server = createServer();
    const gate = new SubgraphGate(server, new URL(subgraphUrl));
    server.on('request', (request: IncomingMessage, response: ServerResponse) => void gate.pass(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return gate;
  }

  /** The subgraph's GraphQL URL through the gate. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.target.pathname}`;
  }

  /** GraphQL requests wait from now on. */
  hold(): void {
    this.holding = true;
  }

  /** Lets every waiting request through, and those that come later. */
  letGo(): void {
    this.holding = false;
    this.waiting.splice(0).forEach((go) => go());
  }

  resetCounts(): void {
    this.mostAtOnce = this.running;
  }

  async stop(): Promise<void> {
    this.letGo();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async pass(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const counted = request.method === 'POST' && new URL(request.url ?? '/', this.target).pathname === this.target.pathname;
    if (counted) {
      this.received += 1;
      this.running += 1;
      this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
      response.once('close', () => (this.running -= 1));
      if (this.holding) {
        await new Promise<void>((go) => this.waiting.push(go));
      }
    }
    const upstream = forward(new URL(request.url ?? '/', this.target), { method: request.method, headers: { ...request.headers, host: this.target.host } }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  }
}
