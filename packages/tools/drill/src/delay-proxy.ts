import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP pipe in front of one subgraph that can make its answers late without
 * touching the subgraph: while `delayMs` is set, every byte the subgraph
 * sends back is held that long (in order), so the subgraph does its work as
 * usual and the gateway waits. With no delay it passes bytes straight on,
 * and a subgraph that is down looks down: a connection it refuses is reset.
 */
export class DelayProxy {
  delayMs = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly targetPort: number,
  ) {}

  static async start(targetPort: number): Promise<DelayProxy> {
    const server = createServer();
    const proxy = new DelayProxy(server, targetPort);
    server.on('connection', (client) => proxy.pipe(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  get port(): number {
    return (this.server.address() as { port: number }).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await new Promise((resolve) => this.server.close(resolve));
  }

  private pipe(client: Socket): void {
    const upstream = connect(this.targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    }
    // Held bytes leave in arrival order: each no earlier than the one before it.
    let lastRelease = 0;
    let pending = 0;
    let upstreamEnded = false;
    const endClientWhenFlushed = () => {
      if (upstreamEnded && pending === 0) {
        client.end();
      }
    };
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (this.delayMs === 0 && pending === 0) {
        client.write(chunk);
        return;
      }
      const release = Math.max(Date.now() + this.delayMs, lastRelease);
      lastRelease = release;
      pending += 1;
      setTimeout(() => {
        pending -= 1;
        if (!client.destroyed) {
          client.write(chunk);
        }
        endClientWhenFlushed();
      }, release - Date.now());
    });
    upstream.on('end', () => {
      upstreamEnded = true;
      endClientWhenFlushed();
    });
    // A subgraph that refuses or resets: the gateway sees its connection reset, as it would without the proxy.
    upstream.on('error', () => client.resetAndDestroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => {
      if (pending === 0 && !upstreamEnded) {
        client.destroy();
      }
    });
  }
}
