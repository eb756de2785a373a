import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { API_SCHEMA_PATH, apiSchemaOf, composeSupergraph, REPOSITORY_ROOT, SUPERGRAPH_PATH } from './compose';

try {
  const supergraph = composeSupergraph();
  writeFileSync(SUPERGRAPH_PATH, supergraph);
  writeFileSync(API_SCHEMA_PATH, apiSchemaOf(supergraph));
  process.stdout.write(`composed ${relative(REPOSITORY_ROOT, SUPERGRAPH_PATH)} and its API schema ${relative(REPOSITORY_ROOT, API_SCHEMA_PATH)}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
