import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import { databaseSchemaOf } from '@shequ/schema';
import type { NonEmptyArray } from 'type-graphql';
import type { Viewer } from '../auth/viewer';
import type { ReferenceResolver } from '../schema/federated-schema';
import type { SubgraphContext } from '../server/context';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = Function[];

/**
 * What one bounded context of a subgraph contributes: its tables, its
 * resolvers, the entity types it extends without a query returning them
 * (federation reference stubs), how it resolves references to them, and the
 * loaders a request builds for it. A context's loaders are
 * `context.loaders[<name>]`, so two contexts' loader names never collide.
 */
export interface SubgraphModule<Name extends string = string, Loaders = unknown> {
  name: Name;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: (Function | EntitySchema)[];
  resolvers?: ClassList;
  entityTypes?: ClassList;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  references?: Record<string, ReferenceResolver<any>>;
  loaders?: (dataSource: DataSource, viewer: Viewer | null) => Loaders;
}

/** A context's module, typed so the subgraph's loaders are known by name. */
export function defineModule<Name extends string, Loaders = undefined>(module: SubgraphModule<Name, Loaders>): SubgraphModule<Name, Loaders> {
  return module;
}

/** Every module's loaders, under its name: what `context.loaders` holds for a request. */
export type LoadersOf<Modules extends readonly SubgraphModule[]> = {
  [Module in Modules[number] as Module extends SubgraphModule<infer Name, infer Loaders> ? (Loaders extends undefined ? never : Name) : never]: Module extends SubgraphModule<string, infer Loaders>
    ? Loaders
    : never;
};

/**
 * A department's subgraph, as the kit runs it: its name, its Postgres
 * schema, its tables and migrations, its resolvers and how each request
 * builds its loaders. The kit does the rest (schema, server, database, auth, logs).
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
  entityTypes?: ClassList;
  references?: Record<string, ReferenceResolver<SubgraphContext<Loaders>>>;
  createLoaders(dataSource: DataSource, viewer: Viewer | null): Loaders;
}

export interface SubgraphParts<Modules extends readonly SubgraphModule[]> {
  /** As in the subgraph list of @shequ/schema, e.g. "public-safety". */
  name: string;
  /** The Postgres schema; by default the name with "_" for "-" (public_safety). */
  databaseSchema?: string;
  /** In the order they run; a subgraph's schema changes as one history, whichever context a change is for. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  modules: Modules;
}

function distinct<Item>(items: Item[], what: (item: Item) => string, kind: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const key = what(item);
    if (seen.has(key)) {
      throw new Error(`two modules declare the ${kind} ${key}`);
    }
    seen.add(key);
  }
}

/** A subgraph from its contexts' modules. Two modules of one name, or two references to one type, are a mistake caught at start. */
export function defineSubgraph<const Modules extends readonly SubgraphModule[]>(parts: SubgraphParts<Modules>): SubgraphDefinition<LoadersOf<Modules>> {
  const modules = [...parts.modules];
  distinct(modules, (module) => module.name, 'module');
  const references = modules.flatMap((module) => Object.entries(module.references ?? {}));
  distinct(references, ([typeName]) => typeName, 'reference resolver of');
  const resolvers = modules.flatMap((module) => module.resolvers ?? []);
  if (resolvers.length === 0) {
    throw new Error(`subgraph ${parts.name} has no resolvers`);
  }
  return {
    name: parts.name,
    databaseSchema: parts.databaseSchema ?? databaseSchemaOf(parts.name),
    entities: modules.flatMap((module) => module.entities ?? []),
    migrations: parts.migrations,
    resolvers: resolvers as NonEmptyArray<ClassList[number]>,
    entityTypes: modules.flatMap((module) => module.entityTypes ?? []),
    references: Object.fromEntries(references),
    createLoaders: (dataSource, viewer) =>
      Object.fromEntries(modules.flatMap((module) => (module.loaders ? [[module.name, module.loaders(dataSource, viewer)]] : []))) as LoadersOf<Modules>,
  };
}
