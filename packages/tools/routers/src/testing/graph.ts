import { join } from 'node:path';
import { freePort } from '@shequ/database';
import { startGateway, type GatewaySettings, type RunningGateway } from '@shequ/gateway';
import { testGatewaySettings } from '@shequ/gateway/testing';
import type { SubgraphSettings } from '@shequ/kit';
import { startTestSubgraph, subgraphTestingOf, TEST_JWT_SECRET, TEST_SIGNING_KEY, type TestSubgraph } from '@shequ/kit/testing';
import { startNodeProcess, stopProcess, waitUntilReady, type ManagedProcess } from '@shequ/platform';
import { SUBGRAPHS } from '@shequ/schema';

/**
 * Every subgraph of the list on a fresh database with its fixture, as the
 * end-to-end graph starts them (`startGraph` in packages/tools/e2e, which
 * exports no entry of its own): the statistics store, which reads the
 * others, starts once they are up, with their URLs. `only`: just these.
 */
export async function startSubgraphs(settings: Partial<SubgraphSettings> = {}, only?: string[]): Promise<Record<string, TestSubgraph>> {
  const all = SUBGRAPHS.filter((entry) => !only || only.includes(entry.name)).map((entry) => ({ name: entry.name, testing: subgraphTestingOf(entry) }));
  const subgraphs: Record<string, TestSubgraph> = {};
  try {
    const served = all.filter((subgraph) => !subgraph.testing.readsOtherSubgraphs);
    await Promise.all(served.map(async ({ name, testing }) => (subgraphs[name] = await startTestSubgraph(testing.subgraph({}), settings))));
    for (const { name, testing } of served) {
      await testing.fixture?.(subgraphs[name].dataSource, { extraCommunities: 0 });
    }
    const urls = Object.fromEntries(Object.entries(subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
    for (const { name, testing } of all.filter((subgraph) => subgraph.testing.readsOtherSubgraphs)) {
      subgraphs[name] = await startTestSubgraph(testing.subgraph(urls), settings);
    }
  } catch (error) {
    await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.stop()));
    throw error;
  }
  return Object.fromEntries(SUBGRAPHS.filter((entry) => subgraphs[entry.name]).map((entry) => [entry.name, subgraphs[entry.name]]));
}

export function subgraphUrls(subgraphs: Record<string, TestSubgraph>): Record<string, string> {
  return Object.fromEntries(Object.entries(subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
}

/** The platform's own gateway over the same subgraphs, to compare answers with. */
export function startPlatformGateway(subgraphs: Record<string, TestSubgraph>, overrides: Partial<GatewaySettings> = {}): Promise<RunningGateway> {
  return startGateway(testGatewaySettings(subgraphUrls(subgraphs), overrides));
}

export interface RunningHiveGateway {
  url: string;
  /** What the process printed, for a test that expects it to refuse to start. */
  output(): string;
  stop(): Promise<void>;
}

const HIVE_GATEWAY_BIN = join(require.resolve('@graphql-hive/gateway/package.json'), '..', 'dist', 'bin.js');
/** The built configuration file, exactly as a deployment points the command line at it. */
export const GATEWAY_CONFIG_FILE = join(__dirname, '..', '..', 'dist', 'hive-gateway', 'gateway.config.js');

/** The variables a test deployment sets: production mode, the test token secret and signing key, every subgraph's URL. */
export function hiveGatewayEnvironment(subgraphs: Record<string, TestSubgraph>, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    JWT_SECRET: TEST_JWT_SECRET,
    SUBGRAPH_SIGNING_KEY: TEST_SIGNING_KEY,
    ...Object.fromEntries(SUBGRAPHS.map((entry) => [entry.urlVariable, subgraphs[entry.name].url])),
    ...extra,
  };
}

function launch(env: Record<string, string>, port: number): { managed: ManagedProcess; output: () => string } {
  const managed = startNodeProcess('hive-gateway', HIVE_GATEWAY_BIN, { ...env, PORT: String(port) }, ['supergraph', '--config-path', GATEWAY_CONFIG_FILE], true);
  let output = '';
  for (const stream of [managed.child.stdout, managed.child.stderr]) {
    stream?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  }
  return { managed, output: () => output };
}

/**
 * Hive Gateway as deployed: its command line (`hive-gateway supergraph`) in
 * its own process, with this package's configuration file and the
 * environment given, ready once `/ready` answers.
 */
export async function startHiveGateway(env: Record<string, string>): Promise<RunningHiveGateway> {
  const port = await freePort();
  const { managed, output } = launch(env, port);
  try {
    // Loading the gateway takes a while on a busy 2-core machine; this only bounds a hung start.
    await waitUntilReady(managed, `http://127.0.0.1:${port}/ready`, 240_000);
  } catch (error) {
    await stopProcess(managed);
    throw new Error(`${(error as Error).message}\n${output()}`);
  }
  return { url: `http://127.0.0.1:${port}/graphql`, output, stop: () => stopProcess(managed) };
}

/** Starts the command line with `env` and waits for it to exit on its own: what a misconfigured deployment sees. */
export async function hiveGatewayRefusal(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const { managed, output } = launch(env, await freePort());
  const code = await managed.exited;
  return { code, output: output() };
}
