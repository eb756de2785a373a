// The manifest ships with the build: dist/persisted-documents.json is what TRUSTED_DOCUMENTS_PATH names.
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
copyFileSync(join(root, 'src', 'generated', 'persisted-documents.json'), join(root, 'dist', 'persisted-documents.json'));
