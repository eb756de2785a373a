import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { SchemaCheckError } from './schema-check-error';

/**
 * A subgraph's SDL built the way the kit builds the running subgraph: with
 * `@apollo/subgraph`, which reads the schema's `@link` to federation, adds the
 * definitions of every federation directive it imports (`@key`, `@external`,
 * `@requires`, `@cost`…) and rejects SDL that federation would reject.
 * graphql-inspector's own federation support (`--federation` in its command
 * line) prepends a fixed list of directive definitions to plain graphql-js
 * instead, which would miss any directive a newer federation version adds.
 */
export interface SubgraphSchema {
  schema: GraphQLSchema;
  /** What federation added beyond the file: its types (`_Entity`, `_Any`, `link__Import`, …) and directive definitions. */
  federationTypes: ReadonlySet<string>;
  federationDirectives: ReadonlySet<string>;
  /** Types the file itself defines or extends. */
  definedTypes: ReadonlySet<string>;
}

/** Builds `sdl`; `source` names the file in the error when it does not build. */
export function buildSubgraph(sdl: string, source: string): SubgraphSchema {
  let document: DocumentNode;
  let schema: GraphQLSchema;
  try {
    document = parse(sdl);
    schema = buildSubgraphSchema([{ typeDefs: document }]);
  } catch (error) {
    throw new SchemaCheckError('INVALID_SCHEMA', `${source} does not build as a federation subgraph: ${error instanceof Error ? error.message : String(error)}`);
  }
  const definedTypes = new Set<string>();
  const definedDirectives = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.DIRECTIVE_DEFINITION) {
      definedDirectives.add(definition.name.value);
    } else if ('name' in definition && definition.name) {
      definedTypes.add(definition.name.value);
    }
  }
  // Federation adds Query (for `_entities`, `_service`) to a file that has none: the root types stay the file's.
  const federationTypes = new Set(
    Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__') && !definedTypes.has(name) && !BUILT_IN_TYPES.has(name)),
  );
  const federationDirectives = new Set(schema.getDirectives().map((directive) => directive.name).filter((name) => !definedDirectives.has(name)));
  return { schema, federationTypes, federationDirectives, definedTypes };
}

const BUILT_IN_TYPES = new Set(['String', 'Int', 'Float', 'Boolean', 'ID', 'Query', 'Mutation', 'Subscription']);

/** How many types the file defines: what a first release reports. */
export function definedTypeCount(subgraph: SubgraphSchema): number {
  return subgraph.definedTypes.size;
}
