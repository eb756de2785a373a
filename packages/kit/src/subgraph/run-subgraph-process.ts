import cluster from 'node:cluster';
import { connectAndMigrate, createServiceDataSource } from '../database/data-source';
import { runMain } from '../environment/parse-environment';
import { createLogger } from '../logging/logger';
import { stopOnSignals } from '../server/http-server';
import { startSubgraph, type SubgraphSettings } from './start-subgraph';
import type { SubgraphDefinition } from './subgraph-definition';
import { readSubgraphEnvironment } from './subgraph-environment';

/** A subgraph's `main`: its settings read once from the environment (port and variables from the subgraph list), then its process. */
export function runSubgraphMain<Loaders>(definition: SubgraphDefinition<Loaders>): void {
  // The subgraph process's one reading of its environment: no service keeps an environment file of its own.
  // eslint-disable-next-line no-process-env
  runMain(() => runSubgraphProcess(definition, readSubgraphEnvironment(process.env, definition.name)));
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
    await connectAndMigrate(dataSource, definition.databaseSchema);
    await dataSource.destroy();
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
