import { readFileSync, writeFileSync } from 'node:fs';
import { buildFederatedSchema } from '../schema/federated-schema';
import type { SubgraphDefinition } from './subgraph-definition';

/** Writes the subgraph's SDL to `path` (its committed schema.graphql); reports whether it changed. */
export async function writeSchemaFile<Loaders>(definition: SubgraphDefinition<Loaders>, path: string): Promise<boolean> {
  const { sdl } = await buildFederatedSchema(definition);
  let previous = '';
  try {
    previous = readFileSync(path, 'utf8');
  } catch {
    // first emission
  }
  if (previous !== sdl) {
    writeFileSync(path, sdl);
  }
  return previous !== sdl;
}
