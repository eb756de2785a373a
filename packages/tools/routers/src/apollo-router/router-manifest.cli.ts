import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runMain } from '@shequ/kit';
import { CLIENT_MANIFEST_PATH } from '../hive-gateway/environment';
import { readTrustedDocuments } from '../hive-gateway/trusted-documents';
import { apolloManifestOf } from './router-manifest';

/** Where the build writes the manifest router.yaml's `persisted_queries.local_manifests` names. */
const ROUTER_MANIFEST_PATH = join(__dirname, '..', 'router', 'persisted-query-manifest.json');

// Run by this package's build: @shequ/client's registered documents, as Apollo Router reads them.
runMain(async () => {
  const source = process.env.TRUSTED_DOCUMENTS_PATH ?? CLIENT_MANIFEST_PATH;
  const manifest = apolloManifestOf(readTrustedDocuments(source));
  mkdirSync(dirname(ROUTER_MANIFEST_PATH), { recursive: true });
  writeFileSync(ROUTER_MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`${ROUTER_MANIFEST_PATH}: ${manifest.operations.length} operations from ${source}\n`);
});
