import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TEST_JWT_SECRET, TEST_SIGNING_KEY } from '@shequ/kit/testing';
import { createTestDatabase, type TestDatabase } from '@shequ/database/testing';
import { freePort } from '@shequ/database';
import { SUBGRAPHS } from '@shequ/schema';

/** A process running a built entry point (`dist/main.js`), its JSON log lines kept. */
export interface NodeProcess {
  name: string;
  /** e.g. http://127.0.0.1:41234 */
  base: string;
  /** Every line it wrote to stdout that parsed as JSON (pino's). */
  logLines: Record<string, unknown>[];
  /** Every line it wrote, for a failure's message. */
  output: string[];
  /** Resolves with the first log line `matches` accepts, waiting for it up to `timeoutMs`. */
  logLine(matches: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** SIGTERM (it finishes in-flight requests), then waits for it to exit. */
  stop(): Promise<void>;
}

/** The variables every process of a test platform shares: production rules, the test secrets, one metrics token. */
export const TEST_METRICS_TOKEN = 'a-metrics-token-of-at-least-32-characters';

function platformEnvironment(variables: Record<string, string>): Record<string, string> {
  // Only PATH from the test's own environment: a DATABASE_URL or OTEL_* variable of the machine must not leak in.
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    JWT_SECRET: TEST_JWT_SECRET,
    SUBGRAPH_SIGNING_KEY: TEST_SIGNING_KEY,
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    ...variables,
  };
}

async function startNodeProcess(name: string, script: string, variables: Record<string, string>, readyPath: string): Promise<NodeProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [script], { env: platformEnvironment({ ...variables, PORT: String(port) }), stdio: ['ignore', 'pipe', 'pipe'] });
  const logLines: Record<string, unknown>[] = [];
  const output: string[] = [];
  const listeners = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      try {
        logLines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line (a startup error's message): kept in output only
      }
      listeners.forEach((listener) => listener());
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const running: NodeProcess = {
    name,
    base,
    logLines,
    output,
    logLine: (matches, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = logLines.find(matches);
          if (found) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`${name} wrote no such log line within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
    stop: async () => {
      if (exitCode === undefined) {
        child.kill('SIGTERM');
      }
      await exited;
    },
  };
  // Starting takes a while on a busy machine (schema build, workers forking): wait for it, however long, unless it exits.
  while ((await answer(`${base}${readyPath}`).catch(() => null))?.status !== 200) {
    if (exitCode !== undefined) {
      throw new Error(`${name} exited with code ${exitCode} before it was ready:\n${output.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return running;
}

/**
 * One HTTP exchange on a connection of its own: with WORKERS > 1 each
 * connection goes to the next worker in turn, as callers' would.
 */
export function answer(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }));
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** A GraphQL operation sent to `/graphql` on a connection of its own. */
export async function postGraphql(base: string, query: string, headers: Record<string, string> = {}) {
  const response = await answer(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { ...response, json: JSON.parse(response.body) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } };
}

/** `/metrics` read with the test metrics token, on a connection of its own. */
export async function scrapeMetrics(base: string): Promise<string> {
  const response = await answer(`${base}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
  if (response.status !== 200) {
    throw new Error(`/metrics answered ${response.status}: ${response.body}`);
  }
  return response.body;
}

/** Subgraphs a platform test does not start answer nowhere. */
const UNREACHABLE = 'http://127.0.0.1:9/graphql';

/** The one subgraph a platform test runs: its name in the subgraph list, its built entry point, and how its database is readied. */
export interface PlatformSubgraph {
  name: string;
  /** Its `dist/main.js`. */
  main: string;
  /** Migrates and fills the fresh database before the process starts. */
  prepare(databaseUrl: string): Promise<void>;
}

export interface TestPlatform {
  subgraph: NodeProcess;
  gateway: NodeProcess;
  stop(): Promise<void>;
}

/**
 * Real processes, started from their built entry points (`pnpm test` builds
 * first): one subgraph, in a database of its own, and the gateway in front of
 * it (every other subgraph unreachable), each with `variables` on top of the
 * platform's test settings (WORKERS, OTEL_*, …).
 */
export async function startTestPlatform(
  subgraph: PlatformSubgraph,
  variables: { subgraph?: Record<string, string>; gateway?: Record<string, string> } = {},
): Promise<TestPlatform> {
  const database: TestDatabase = await createTestDatabase();
  const started: NodeProcess[] = [];
  try {
    await subgraph.prepare(database.url);
    const running = await startNodeProcess(subgraph.name, subgraph.main, { DATABASE_URL: database.url, ...variables.subgraph }, '/ready');
    started.push(running);
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((entry) => [entry.urlVariable, entry.name === subgraph.name ? `${running.base}/graphql` : UNREACHABLE]));
    const gateway = await startNodeProcess('gateway', join(__dirname, '..', '..', 'dist', 'main.js'), { ...subgraphUrls, ...variables.gateway }, '/health');
    started.push(gateway);
    return {
      subgraph: running,
      gateway,
      stop: async () => {
        await Promise.all(started.map((process) => process.stop()));
        await database.drop();
      },
    };
  } catch (error) {
    await Promise.all(started.map((process) => process.stop()));
    await database.drop();
    throw error;
  }
}
