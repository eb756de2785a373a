import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse, printSchema } from 'graphql';
import { defaultRoutingUrl, SUBGRAPHS, type SubgraphEntry } from './subgraphs';

/** The repository root, two folders above this package (from src/ or dist/ alike). */
export const REPOSITORY_ROOT = resolve(__dirname, '..', '..', '..');

/** The committed supergraph the gateway serves. */
export const SUPERGRAPH_PATH = join(REPOSITORY_ROOT, 'packages', 'schema', 'supergraph.graphql');

/** The graph as its callers see it, without federation's internals: what frontends generate their types from. */
export const API_SCHEMA_PATH = join(REPOSITORY_ROOT, 'packages', 'schema', 'api-schema.graphql');

export function subgraphSchemaPath(directory: string): string {
  return join(REPOSITORY_ROOT, directory, 'schema.graphql');
}

export class CompositionError extends Error {
  override name = 'CompositionError';
}

/** A subgraph's SDL as text, wherever it was read from (its working schema, a released baseline, a test's copy). */
export interface SubgraphSchemaSource {
  entry: SubgraphEntry;
  sdl: string;
}

/**
 * Composes every listed subgraph's committed schema.graphql (or those of
 * `entries`) into a supergraph; a failure carries the composer's own messages.
 */
export function composeSupergraph(entries: readonly SubgraphEntry[] = SUBGRAPHS): string {
  return composeSubgraphSchemas(entries.map((entry) => ({ entry, sdl: readFileSync(subgraphSchemaPath(entry.directory), 'utf8') })));
}

/** Composes the given subgraph schemas; the schema checks compose one subgraph's working schema with the others' released ones. */
export function composeSubgraphSchemas(sources: readonly SubgraphSchemaSource[]): string {
  const services = sources.map(({ entry, sdl }) => ({
    name: entry.name,
    url: defaultRoutingUrl(entry),
    typeDefs: parse(sdl),
  }));
  const result = composeServices(services);
  if (result.errors) {
    throw new CompositionError(`Composition failed:\n${result.errors.map((error) => `  ${error.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

export function readCommittedSupergraph(path: string = SUPERGRAPH_PATH): string {
  return readFileSync(path, 'utf8');
}

/** The API schema of a supergraph: every type and field a caller may ask for, with descriptions and deprecations, no join__/link__ internals. */
export function apiSchemaOf(supergraphSdl: string): string {
  return `${printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema())}\n`;
}
