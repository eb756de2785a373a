import { connectAndMigrate, createServiceDataSource } from '../../database/data-source';
import { createLogger } from '../../logging/logger';
import type { SubgraphDefinition } from '../../subgraph/subgraph-definition';

/** Brings each subgraph's schema up to date through its own migrations, one at a time. */
export async function migrateSubgraphs(databaseUrl: string, definitions: readonly Pick<SubgraphDefinition<unknown>, 'databaseSchema' | 'entities' | 'migrations'>[]): Promise<void> {
  const logger = createLogger('seed', 'warn');
  for (const definition of definitions) {
    const { dataSource } = createServiceDataSource({ url: databaseUrl, schema: definition.databaseSchema, entities: definition.entities, migrations: definition.migrations, logger, poolSize: 1 });
    await connectAndMigrate(dataSource, definition.databaseSchema);
    await dataSource.destroy();
  }
}
