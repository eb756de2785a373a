import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_NODE_OPTIONS, startNodeProcess, stopProcess, waitUntilReady, type ManagedProcess } from '@shequ/platform';
import { REPOSITORY_ROOT, SUBGRAPHS, SUPERGRAPH_PATH } from '@shequ/schema';

/** The gateways measured side by side, each on its own port over the same subgraphs. */
export const TARGETS = {
  shequ: { port: 4000, label: 'Shequ gateway' },
  plain: { port: 4100, label: 'plain @apollo/gateway' },
  hive: { port: 4200, label: 'Hive Gateway' },
} as const;
export type TargetName = keyof typeof TARGETS;

export const BENCH_JWT_SECRET = 'shequ-benchmark-secret-0123456789abcdef';
/** Every gateway measured signs its subgraph requests with it, as a deployment's gateway must. */
export const BENCH_SIGNING_KEY = 'shequ-benchmark-signing-key-0123456789abcdef';
/** Lets the bench read Shequ's `/metrics` outside development (`timeSplit`). */
export const BENCH_METRICS_TOKEN = 'shequ-benchmark-metrics-token-0123456789';

export interface Stack {
  subgraphs: { name: string; port: number; process: ManagedProcess }[];
  gateways: Partial<Record<TargetName, ManagedProcess>>;
  stop(): Promise<void>;
}

export function graphqlUrl(target: TargetName): string {
  return `http://127.0.0.1:${TARGETS[target].port}/graphql`;
}

/** Polls a gateway with `{ __typename }` until it answers, whatever health endpoint it has or lacks. */
async function waitForGraphql(managed: ManagedProcess, url: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if (managed.child.exitCode !== null) {
      throw new Error(`${managed.name} exited with code ${managed.child.exitCode}`);
    }
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${managed.name} did not answer at ${url}`);
}

/** Peak resident memory (VmHWM) of a process, in MB, from /proc. */
export function peakRssMb(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Current resident memory (VmRSS) of a process, in MB. */
export function rssMb(pid: number | undefined): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** CPU time (user and system) a process has used so far, in ms, from /proc (clock ticks of 10 ms, Linux's USER_HZ of 100). */
export function cpuMs(pid: number | undefined): number | null {
  try {
    // The command name, in parentheses, may hold spaces: the fields after it are counted from its closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').pop()?.trim().split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * CPU time the whole machine has been busy so far, every core together, in
 * ms (/proc/stat: user, nice, system, irq and softirq; not idle, I/O wait or
 * time stolen by a hypervisor): the gateway, the subgraphs, PostgreSQL, the
 * load generator and anything else running.
 */
export function machineCpuMs(): number | null {
  try {
    const [, user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    return (user + nice + system + irq + softirq) * 10;
  } catch {
    return null;
  }
}

/** A V8 CPU profile of the process's whole run, written into `directory` when it stops (open it in Chrome's DevTools). */
function cpuProfileFlags(directory: string | undefined): string[] {
  return directory ? ['--cpu-prof', `--cpu-prof-dir=${directory}`] : [];
}

/**
 * Starts every subgraph and each requested gateway as its own process, as
 * deployed. With `captureSql`, subgraphs keep the SQL they send (SQL_CAPTURE)
 * so the floor can be measured; they run outside production mode for that
 * reason only. Runs that measure no floor go without: a capture keeps every
 * statement with its parameters until it is taken, and a stress-scale
 * refresh's blocks then filled the statistics subgraph's heap.
 */
export async function startStack(
  databaseUrl: string,
  targets: TargetName[],
  workers: number,
  options: { defaultLimits?: boolean; gatewayProfileDir?: string; subgraphProfileDir?: string; captureSql?: boolean } = {},
): Promise<Stack> {
  // The statistics store refreshes only when the analyst run asks, so no scheduled refresh lands in another operation's figures.
  const common = { DATABASE_URL: databaseUrl, JWT_SECRET: BENCH_JWT_SECRET, SUBGRAPH_SIGNING_KEY: BENCH_SIGNING_KEY, METRICS_TOKEN: BENCH_METRICS_TOKEN, LOG_LEVEL: 'warn', NODE_ENV: 'test', WORKERS: String(workers), STATISTICS_REFRESH_INTERVAL: '0' };
  const subgraphs = SUBGRAPHS.map((entry) => ({
    name: entry.name,
    port: entry.port,
    // No scheduled statistics refresh: its SQL would mix into the statements the floor counts.
    process: startNodeProcess(
      entry.name,
      join(REPOSITORY_ROOT, entry.directory, 'dist', 'main.js'),
      { ...common, PORT: String(entry.port), SQL_CAPTURE: String(options.captureSql ?? false), DATABASE_POOL_SIZE: '20', STATISTICS_REFRESH_INTERVAL: '0' },
      [],
      false,
      cpuProfileFlags(options.subgraphProfileDir),
    ),
  }));
  await Promise.all(subgraphs.map((subgraph) => waitUntilReady(subgraph.process, `http://127.0.0.1:${subgraph.port}/ready`)));
  const gateways: Partial<Record<TargetName, ManagedProcess>> = {};
  const stopAll = async () => {
    await Promise.all(Object.values(gateways).map((managed) => stopProcess(managed as ManagedProcess)));
    await Promise.all(subgraphs.map((subgraph) => stopProcess(subgraph.process)));
  };
  // A gateway that fails to start must not leave the subgraphs behind, holding their ports.
  try {
    for (const target of targets) {
      const port = String(TARGETS[target].port);
      if (target === 'shequ') {
        // Throughput runs drive every gateway from one subject with many connections, and lift the cost budget and the
        // deadline the peers do not have; the worst-case run keeps the gateway's own limits, as deployed.
        const comparable = {
          COST_BUDGET_ANALYST: '10000000',
          SUBGRAPH_TIMEOUT_MS: '60000',
          MAX_IN_FLIGHT_PER_SUBJECT: '10000',
          MAX_IN_FLIGHT_PER_ADDRESS: '10000',
          MAX_HEAVY_IN_FLIGHT: '10000',
          MAX_HEAVY_IN_FLIGHT_PER_CALLER: '10000',
        };
        gateways.shequ = startNodeProcess('shequ', join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js'), { ...common, PORT: port, NODE_ENV: 'production', NODE_OPTIONS: GATEWAY_NODE_OPTIONS, ...(options.defaultLimits ? {} : comparable) }, [], false, cpuProfileFlags(options.gatewayProfileDir));
      } else if (target === 'plain') {
        gateways.plain = startNodeProcess('plain', join(__dirname, 'peers', 'plain-gateway.js'), { PORT: port, SUPERGRAPH_PATH, SUBGRAPH_SIGNING_KEY: BENCH_SIGNING_KEY });
      } else {
        const hiveBin = join(require.resolve('@graphql-hive/gateway/package.json'), '..', 'dist', 'bin.js');
        gateways.hive = startNodeProcess('hive', hiveBin, { NODE_ENV: 'production', SUBGRAPH_SIGNING_KEY: BENCH_SIGNING_KEY }, ['supergraph', SUPERGRAPH_PATH, '--port', port, '--config-path', join(__dirname, 'peers', 'hive-gateway.config.js')], true);
      }
      await waitForGraphql(gateways[target] as ManagedProcess, graphqlUrl(target));
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    subgraphs,
    gateways,
    stop: stopAll,
  };
}
