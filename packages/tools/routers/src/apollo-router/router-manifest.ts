import type { TrustedDocuments } from '../hive-gateway/trusted-documents';

export interface ApolloPersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: { id: string; name: string; type: 'query' | 'mutation' | 'subscription'; body: string }[];
}

/**
 * @shequ/client's manifest in the format Apollo Router's `local_manifests`
 * reads. The ids stay the documents' sha256 (without the `sha256:` prefix),
 * which is what a client sends as `extensions.persistedQuery.sha256Hash`.
 */
export function apolloManifestOf(documents: TrustedDocuments): ApolloPersistedQueryManifest {
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [...documents].map(([id, body]) => {
      const [, type = 'query', name = ''] = /^\s*(query|mutation|subscription)\s+(\w+)?/.exec(body) ?? [];
      return { id, name, type: type as ApolloPersistedQueryManifest['operations'][number]['type'], body };
    }),
  };
}
