import cluster from 'node:cluster';
import { connectAndCheckMigrations, connectAndMigrate, createServiceDataSource } from '../database/data-source';
import { failureReason, isMigrationCommand, MIGRATION_COMMANDS, MigrationCommandError, runMigrationCommand, type MigrationTarget } from '../database/migration-command';
import { runMain, StartupError } from '../environment/parse-environment';
import { createLogger } from '../logging/logger';
import { serveClusterMetrics } from '../observability/cluster-metrics';
import { stopOnSignals } from '../server/http-server';
import { startSubgraph, type SubgraphSettings } from './start-subgraph';
import type { SubgraphDefinition } from './subgraph-definition';
import { readMigrationEnvironment, readSubgraphEnvironment } from './subgraph-environment';

/**
 * A subgraph's `main`: its settings read once from the environment (port and
 * variables from the subgraph list), then its process; or, as `main.js
 * migrate up|down|status`, its migration command (see runMainOrMigrate).
 */
export function runSubgraphMain<Loaders>(definition: SubgraphDefinition<Loaders>): void {
  // The subgraph process's one reading of its environment: no service keeps an environment file of its own.
  // eslint-disable-next-line no-process-env
  runMainOrMigrate(definition, () => runSubgraphProcess(definition, readSubgraphEnvironment(process.env, definition.name)));
}

const USAGE = `usage: node dist/main.js [migrate ${MIGRATION_COMMANDS.join('|')}]`;

/**
 * A service's entry point, so that its image alone can run its migrations
 * (a Kubernetes Job, a compose one-off): `main.js migrate <command>` runs the
 * migration command with only the database URL read from the environment and
 * exits 0 when it did its work, 1 with a message (never a stack) when not;
 * `main.js` alone runs `start`. Any other argument is refused with the usage.
 */
export function runMainOrMigrate(target: MigrationTarget, start: () => Promise<unknown>, argv: readonly string[] = process.argv.slice(2)): void {
  if (argv.length === 0) {
    runMain(start);
    return;
  }
  const [word, command, ...rest] = argv;
  if (word !== 'migrate' || !isMigrationCommand(command) || rest.length > 0) {
    runMain(() => Promise.reject(new StartupError(word === 'migrate' ? `migrate: expected one of ${MIGRATION_COMMANDS.join(', ')}\n${USAGE}` : `unknown argument ${word}\n${USAGE}`)));
    return;
  }
  // The migration command's one reading of its environment: the database URL, nothing else.
  // eslint-disable-next-line no-process-env
  const env = process.env;
  void Promise.resolve()
    .then(() => runMigrationCommand(target, command, readMigrationEnvironment(env, target.name).databaseUrl, (line) => process.stdout.write(`${line}\n`)))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof StartupError || error instanceof MigrationCommandError ? error.message : `${target.name}: migrate ${command} failed: ${failureReason(error)}`}\n`);
      process.exitCode = 1;
    });
}

/**
 * A subgraph's process: one server, or with `workers` > 1 a primary that
 * migrates once and forks that many workers sharing the port — so one
 * subgraph can use every core. Signals reach the primary, which stops the
 * workers (each finishes its in-flight requests) and exits.
 */
export async function runSubgraphProcess<Loaders>(definition: SubgraphDefinition<Loaders>, settings: SubgraphSettings & { workers: number }): Promise<void> {
  if (settings.workers <= 1) {
    const running = await startSubgraph(definition, settings);
    stopOnSignals(running.stop, running.logger);
    return;
  }
  if (cluster.isPrimary) {
    const logger = createLogger(definition.name, settings.logLevel);
    const { dataSource } = createServiceDataSource({ url: settings.databaseUrl, schema: definition.databaseSchema, entities: definition.entities, migrations: definition.migrations, logger, poolSize: 1 });
    if (settings.migrateOnStart === false) {
      await connectAndCheckMigrations(dataSource, definition.databaseSchema, definition.name);
    } else {
      await connectAndMigrate(dataSource, definition.databaseSchema);
    }
    await dataSource.destroy();
    // A scrape reaches one worker; the primary adds up every worker's figures for it.
    serveClusterMetrics();
    for (let worker = 0; worker < settings.workers; worker += 1) {
      cluster.fork();
    }
    stopOnSignals(async () => {
      await Promise.all(
        Object.values(cluster.workers ?? {}).map(
          (worker) =>
            new Promise<void>((resolve) => {
              worker?.once('exit', () => resolve());
              worker?.kill('SIGTERM');
            }),
        ),
      );
    }, logger);
    return;
  }
  const running = await startSubgraph(definition, { ...settings, skipMigrations: true });
  stopOnSignals(running.stop, running.logger);
}
