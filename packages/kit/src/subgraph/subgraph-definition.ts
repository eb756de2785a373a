import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { NonEmptyArray } from 'type-graphql';
import type { Viewer } from '../auth/viewer';
import type { ReferenceResolver } from '../schema/federated-schema';
import type { SubgraphContext } from '../server/context';

/**
 * A department's subgraph, as data: its name, its Postgres schema, its
 * tables and migrations, its resolvers and how each request builds its
 * loaders. The kit does the rest (schema, server, database, auth, logs).
 */
export interface SubgraphDefinition<Loaders> {
  /** As in the subgraph list of @shequ/schema, e.g. "governance". */
  name: string;
  /** The Postgres schema that holds every table of this subgraph. */
  databaseSchema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Entity types this subgraph extends but no query returns (e.g. its Community stub). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entityTypes?: Function[];
  references?: Record<string, ReferenceResolver<SubgraphContext<Loaders>>>;
  createLoaders(dataSource: DataSource, viewer: Viewer | null): Loaders;
}

export function defineSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>): SubgraphDefinition<Loaders> {
  return definition;
}
