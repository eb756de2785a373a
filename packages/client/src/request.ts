import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface ShequClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A signed token (`Authorization: Bearer …`); none: an anonymous caller. */
  token?: string;
  /** true (the default): send only the registered document's id, as a gateway with trusted documents requires of anonymous callers. */
  persisted?: boolean;
  fetch?: typeof fetch;
}

/** One GraphQL error as the gateway sends it; `extensions.code` says what went wrong. */
export interface ShequGraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** An answer with errors: `errors` as sent, `data` whatever did answer. */
export class ShequGraphQLError extends Error {
  override name = 'ShequGraphQLError';

  constructor(
    readonly errors: ShequGraphQLErrorEntry[],
    readonly data: unknown,
    readonly status: number,
  ) {
    super(errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('; '));
  }

  /** The first error's code (`BAD_USER_INPUT`, `FORBIDDEN`, `NOT_FOUND`…). */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** The id the client preset embedded in a generated document (`persistedDocuments`): "sha256:<hex>". */
export function documentHash(document: TypedDocumentNode<unknown, never>): string | undefined {
  return (document as { __meta__?: { hash?: string } }).__meta__?.hash;
}

/**
 * Runs a generated document and returns its typed data. Registered
 * documents go by id (`documentId: "sha256:…"`), others (or with
 * `persisted: false`) as text.
 */
export async function request<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables, options: ShequClientOptions): Promise<Result> {
  const hash = documentHash(document as TypedDocumentNode<unknown, never>);
  const body = options.persisted !== false && hash ? { documentId: hash, variables } : { query: print(document), variables };
  const response = await (options.fetch ?? fetch)(options.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { data?: Result | null; errors?: ShequGraphQLErrorEntry[] };
  if (answer.errors?.length || !answer.data) {
    throw new ShequGraphQLError(answer.errors ?? [{ message: `HTTP ${response.status} without data` }], answer.data ?? null, response.status);
  }
  return answer.data;
}
