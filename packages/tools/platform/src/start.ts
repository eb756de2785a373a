import { join } from 'node:path';
import { startLocalServer } from '@shequ/database';
import { runMain, StartupError } from '@shequ/kit';
import { GATEWAY_PORT, REPOSITORY_ROOT, SUBGRAPHS } from '@shequ/schema';
import { isDatabaseEmpty, seedDatabase } from '@shequ/seed';
import { startNodeProcess, stopProcess, waitUntilReady, type ManagedProcess } from './child-process';
import { readEnvironment } from './environment';
import { welcomeMessage } from './welcome';

/**
 * `pnpm start`: the whole platform on one machine. Without DATABASE_URL it
 * starts the embedded PostgreSQL (data under .data/); it loads demo data into
 * an empty database, then starts every subgraph and the gateway as separate
 * processes, as they are deployed. Ctrl-C stops them all, then PostgreSQL.
 */
runMain(async () => {
  const settings = readEnvironment();
  const say = (line: string) => process.stdout.write(`${'platform'.padEnd(12)}| ${line}\n`);
  const processes: ManagedProcess[] = [];
  const server = settings.databaseUrl ? null : await startLocalServer();
  let stopping = false;
  const stopAll = async (exitCode: number) => {
    if (stopping) {
      return;
    }
    stopping = true;
    say('stopping…');
    await Promise.all(processes.map(stopProcess));
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
    const subgraphs = SUBGRAPHS.map((entry) =>
      startNodeProcess(entry.name, join(REPOSITORY_ROOT, entry.directory, 'dist', 'main.js'), {
        NODE_ENV: settings.mode,
        DATABASE_URL: databaseUrl,
        PORT: String(entry.port),
      }),
    );
    processes.push(...subgraphs);
    await Promise.all(subgraphs.map((managed, index) => waitUntilReady(managed, `http://127.0.0.1:${SUBGRAPHS[index].port}/ready`)));
    const gateway = startNodeProcess('gateway', join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js'), { NODE_ENV: settings.mode, PORT: String(GATEWAY_PORT) });
    processes.push(gateway);
    await waitUntilReady(gateway, `http://127.0.0.1:${GATEWAY_PORT}/health`);
    process.stdout.write(welcomeMessage(`http://localhost:${GATEWAY_PORT}/graphql`, settings.mode));
    for (const managed of processes) {
      void managed.exited.then((code) => {
        if (!stopping) {
          say(`${managed.name} exited with code ${code}; stopping the platform`);
          void stopAll(1);
        }
      });
    }
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    await stopAll(1);
    throw new StartupError('the platform did not start');
  }
});
