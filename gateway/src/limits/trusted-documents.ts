import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';

type Verdict = { body: Record<string, unknown> } | { error: GraphQLError; status: number };

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Operations frontend apps registered ahead of time: a manifest of
 * sha256 → document. Apps send only the hash (`documentId: "sha256:<hash>"`,
 * or Apollo's `extensions.persistedQuery.sha256Hash`); the gateway puts the
 * document in. With `anonymousOnlyTrusted`, callers without a token may run
 * registered documents only, while signed-in analysts keep ad-hoc queries.
 */
export class TrustedDocuments {
  private constructor(
    private readonly documents: ReadonlyMap<string, string>,
    private readonly anonymousOnlyTrusted: boolean,
  ) {}

  static none(): TrustedDocuments {
    return new TrustedDocuments(new Map(), false);
  }

  /**
   * Reads a manifest: either `{ "<sha256>": "<document>", … }` (the keys may
   * carry GraphQL Code Generator's `sha256:` prefix, as `@shequ/client`'s
   * build writes them) or Apollo's persisted-query manifest
   * (`{ format, version, operations: [{ id, body }] }`). Every hash is
   * checked against its document.
   */
  static fromManifest(path: string, anonymousOnlyTrusted: boolean): TrustedDocuments {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { operations?: { id: string; body: string }[] };
    const entries: [string, string][] = Array.isArray(manifest.operations)
      ? manifest.operations.map((operation) => [operation.id, operation.body])
      : Object.entries(manifest).map(([hash, document]) => [hash.replace(/^sha256:/, ''), String(document)]);
    for (const [hash, document] of entries) {
      if (sha256(document) !== hash) {
        throw new Error(`trusted documents manifest ${path}: ${hash} is not the sha256 of its document`);
      }
    }
    return new TrustedDocuments(new Map(entries), anonymousOnlyTrusted);
  }

  get size(): number {
    return this.documents.size;
  }

  resolve(body: Record<string, unknown>, signedIn: boolean): Verdict {
    const extensions = body.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
    const documentId = typeof body.documentId === 'string' ? body.documentId.replace(/^sha256:/, '') : undefined;
    const hash = documentId ?? (typeof extensions?.persistedQuery?.sha256Hash === 'string' ? extensions.persistedQuery.sha256Hash : undefined);
    if (hash && body.query === undefined) {
      const document = this.documents.get(hash);
      if (document !== undefined) {
        const { documentId: _id, extensions: _extensions, ...rest } = body;
        return { body: { ...rest, query: document } };
      }
      if (documentId) {
        return { error: new GraphQLError(`no registered document has id sha256:${documentId}`, { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }), status: 400 };
      }
    }
    if (this.anonymousOnlyTrusted && !signedIn) {
      const text = typeof body.query === 'string' ? body.query : undefined;
      if (!text || !this.documents.has(sha256(text))) {
        return {
          error: new GraphQLError('callers without a token may run registered operations only: send a registered document id, or sign in', {
            extensions: { code: 'FORBIDDEN' },
          }),
          status: 403,
        };
      }
    }
    return { body };
  }
}
