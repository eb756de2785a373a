import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Resolves true when nothing listens on `port` on the loopback interface. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Below the well-known and registered ports most services default to. */
const LOWEST_CHOSEN_PORT = 10_000;
/** The range IANA suggests for ephemeral ports, where the operating system does not say. */
const IANA_EPHEMERAL_LOW = 49_152;
const ATTEMPTS = 40;

/** The first port the operating system hands out on its own (to `listen(0)` and to outgoing connections). */
export function ephemeralPortsStartAt(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return Number.isInteger(low) && low > LOWEST_CHOSEN_PORT + ATTEMPTS ? low : IANA_EPHEMERAL_LOW;
  } catch {
    return IANA_EPHEMERAL_LOW;
  }
}

/**
 * A port free right now, for a process started next to listen on.
 *
 * Chosen at random below the operating system's ephemeral range, not by
 * `listen(0)`: a port in that range, once released, may be handed to any
 * other process's `listen(0)` or outgoing connection in the moment before
 * ours binds it. With the test suites running side by side, a server of
 * one suite could take the port meant for a subgraph of the drill, which
 * would then fail to listen while its readiness probe was answered by the
 * other suite's server.
 */
export async function freePort(): Promise<number> {
  const ceiling = ephemeralPortsStartAt();
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const port = randomInt(LOWEST_CHOSEN_PORT, ceiling);
    if (await isPortFree(port)) {
      return port;
    }
  }
  return portTheSystemPicks();
}

function portTheSystemPicks(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
