import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_PORT, REPOSITORY_ROOT, SUBGRAPHS } from '@shequ/schema';
import { renderInfraFiles } from './infra-files';

try {
  for (const file of renderInfraFiles(SUBGRAPHS, GATEWAY_PORT)) {
    writeFileSync(join(REPOSITORY_ROOT, file.path), file.text);
    process.stdout.write(`wrote ${file.path}\n`);
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
