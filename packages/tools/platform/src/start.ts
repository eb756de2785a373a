import { join } from 'node:path';
import { startLocalServer } from '@shequ/database';
import { runMain, StartupError } from '@shequ/kit';
import { GATEWAY_PORT, REPOSITORY_ROOT, SUBGRAPHS } from '@shequ/schema';
import { isDatabaseEmpty, seedDatabase } from '@shequ/seed';
import { startNodeProcess, waitUntilReady } from './child-process';
import { DatabaseSupervisor } from './database-supervisor';
import { readEnvironment } from './environment';
import { GATEWAY_NODE_OPTIONS } from './infra/deployment';
import { portsInUse, portsInUseMessage } from './ports-in-use';
import { Supervisor } from './supervisor';
import { welcomeMessage } from './welcome';

/**
 * `pnpm start`: the whole platform on one machine. Without DATABASE_URL it
 * starts the embedded PostgreSQL (data under .data/); it loads demo data into
 * an empty database, then starts every subgraph and the gateway as separate
 * processes, as they are deployed. A process that dies is restarted with
 * backoff (so is the embedded PostgreSQL); the others keep running.
 * Ctrl-C stops them all, then PostgreSQL.
 */
runMain(async () => {
  const settings = readEnvironment();
  const taken = await portsInUse([...SUBGRAPHS.map((entry) => ({ name: entry.name, port: entry.port })), { name: 'gateway', port: GATEWAY_PORT }]);
  if (taken.length > 0) {
    throw new StartupError(portsInUseMessage(taken));
  }
  const say = (line: string) => process.stdout.write(`${'platform'.padEnd(12)}| ${line}\n`);
  const supervisor = new Supervisor({ log: say });
  const server = settings.databaseUrl ? null : await startLocalServer();
  // Only the launcher that started the embedded server restarts it; one it merely reuses belongs to another.
  const databaseSupervisor = server && !server.reused ? new DatabaseSupervisor(server, { log: say }) : null;
  let stopping = false;
  const stopAll = async (exitCode: number) => {
    if (stopping) {
      return;
    }
    stopping = true;
    say('stopping…');
    // Both told at once, before anything is awaited: Ctrl-C reaches every child (one process group) too, and a child
    // that exits on it first must not be restarted, nor PostgreSQL.
    await Promise.all([databaseSupervisor?.stop(), supervisor.stop()]);
    await server?.stop();
    say('stopped');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const databaseUrl = settings.databaseUrl ?? (server?.url as string);
    say(server ? `PostgreSQL (embedded, data in .data/postgres) on port ${server.port}` : 'PostgreSQL from DATABASE_URL');
    if (await isDatabaseEmpty(databaseUrl)) {
      say(`empty database: loading ${settings.seedScale} data`);
      await seedDatabase({ databaseUrl, scale: settings.seedScale, seed: 1, log: say });
    }
    await Promise.all(
      SUBGRAPHS.map((entry) =>
        supervisor.add({
          name: entry.name,
          start: () =>
            startNodeProcess(entry.name, join(REPOSITORY_ROOT, entry.directory, 'dist', 'main.js'), {
              NODE_ENV: settings.mode,
              DATABASE_URL: databaseUrl,
              PORT: String(entry.port),
            }),
          waitUntilReady: (managed) => waitUntilReady(managed, `http://127.0.0.1:${entry.port}/ready`),
        }),
      ),
    );
    await supervisor.add({
      name: 'gateway',
      start: () => startNodeProcess('gateway', join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js'), { NODE_ENV: settings.mode, PORT: String(GATEWAY_PORT), NODE_OPTIONS: GATEWAY_NODE_OPTIONS }),
      waitUntilReady: (managed) => waitUntilReady(managed, `http://127.0.0.1:${GATEWAY_PORT}/health`),
    });
    process.stdout.write(welcomeMessage(`http://localhost:${GATEWAY_PORT}/graphql`, settings.mode));
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    await stopAll(1);
    throw new StartupError('the platform did not start');
  }
});
