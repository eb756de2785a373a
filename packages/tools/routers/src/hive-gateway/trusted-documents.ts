import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';

/** sha256 (hex, no prefix) → document. */
export type TrustedDocuments = ReadonlyMap<string, string>;

/**
 * Reads a manifest as the platform gateway does: `{ "<sha256>": "<document>" }`
 * (keys may carry the `sha256:` prefix @shequ/client's build writes) or
 * Apollo's persisted-query manifest (`{ operations: [{ id, body }] }`), every
 * hash checked against its document, so a corrupt manifest stops the start
 * rather than serving the wrong operation under a registered id.
 */
export function readTrustedDocuments(path: string): TrustedDocuments {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { operations?: { id: string; body: string }[] };
  const entries: [string, string][] = Array.isArray(manifest.operations)
    ? manifest.operations.map((operation) => [operation.id, operation.body])
    : Object.entries(manifest).map(([hash, document]) => [hash.replace(/^sha256:/, ''), String(document)]);
  for (const [hash, document] of entries) {
    if (createHash('sha256').update(document).digest('hex') !== hash) {
      throw new Error(`trusted documents manifest ${path}: ${hash} is not the sha256 of its document`);
    }
  }
  return new Map(entries);
}

/** A bearer token in the request: the JWT plugin has already refused it when it is not valid. */
function signedIn(request: Request): boolean {
  return request.headers.has('authorization');
}

/**
 * Hive Gateway's `persistedDocuments` over a local manifest: ids come as
 * `documentId` (`sha256:<hex>`, what @shequ/client sends) or Apollo's
 * `extensions.persistedQuery.sha256Hash`; with `anonymousOnlyTrusted`, a
 * document sent as text is refused unless the request carries a token. The
 * refusals use the platform gateway's codes and messages.
 */
export function persistedDocumentsOptions(documents: TrustedDocuments, anonymousOnlyTrusted: boolean) {
  return {
    getPersistedOperation: (key: string) => documents.get(key.replace(/^sha256:/, '')) ?? null,
    allowArbitraryDocuments: anonymousOnlyTrusted ? signedIn : true,
    customErrors: {
      persistedQueryOnly: () =>
        new GraphQLError('callers without a token may run registered operations only: send a registered document id, or sign in', {
          extensions: { code: 'FORBIDDEN', http: { status: 403 } },
        }),
      notFound: () => new GraphQLError('no registered document has this id', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } } }),
      keyNotFound: () => new GraphQLError('send a query or a registered document id', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } }),
    },
  };
}
