import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GATEWAY_PORT, REPOSITORY_ROOT, SUBGRAPHS } from '@shequ/schema';
import { existingKubernetesFiles, readReleaseTag, renderInfraFiles } from './infra-files';

try {
  const files = renderInfraFiles(SUBGRAPHS, GATEWAY_PORT, readReleaseTag(REPOSITORY_ROOT));
  const written = new Set(files.map((file) => file.path));
  // A department taken off the list leaves no manifest behind.
  for (const stale of existingKubernetesFiles(REPOSITORY_ROOT).filter((path) => !written.has(path))) {
    rmSync(join(REPOSITORY_ROOT, stale));
    process.stdout.write(`removed ${stale}\n`);
  }
  for (const file of files) {
    mkdirSync(dirname(join(REPOSITORY_ROOT, file.path)), { recursive: true });
    writeFileSync(join(REPOSITORY_ROOT, file.path), file.text);
    process.stdout.write(`wrote ${file.path}\n`);
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
