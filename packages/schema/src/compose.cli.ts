import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { composeSupergraph, REPOSITORY_ROOT, SUPERGRAPH_PATH } from './compose';

try {
  writeFileSync(SUPERGRAPH_PATH, composeSupergraph());
  process.stdout.write(`composed ${relative(REPOSITORY_ROOT, SUPERGRAPH_PATH)}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
