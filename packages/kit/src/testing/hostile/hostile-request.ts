/** One hostile request: raw HTTP pieces, so that malformed bodies and headers can be sent as they are. */
export interface HostileRequest {
  name: string;
  method?: 'GET' | 'POST' | 'PUT';
  contentType?: string | null;
  body?: string | Buffer;
  search?: string;
  token?: string;
  /**
   * The request must be refused with one of these codes (a 4xx or a GraphQL
   * error). Without it, an answer with data is acceptable too — a filter may
   * simply match nothing.
   */
  refusedWith?: readonly string[];
}

/** Refusals a caller can act on; a hostile input must get one of them, never INTERNAL_SERVER_ERROR. */
export const INPUT_REFUSALS = ['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'NOT_FOUND', 'CONFLICT'] as const;
export const TOKEN_REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN'] as const;

export const json = (name: string, payload: unknown, token?: string, refusedWith?: readonly string[]): HostileRequest => ({
  name,
  body: JSON.stringify(payload),
  token,
  refusedWith,
});

export const query = (name: string, text: string, variables?: Record<string, unknown>, token?: string, refusedWith?: readonly string[]) =>
  json(name, { query: text, variables }, token, refusedWith);

function withValue(variables: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(variables);
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    target = target[key] as Record<string, unknown>;
  }
  target[keys[keys.length - 1]] = value;
  return copy;
}

const label = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…(${value.length})` : value) : String(value));

/** One operation whose variables are valid as given: each variation spoils exactly one of them. */
export interface Operation {
  name: string;
  document: string;
  variables: Record<string, unknown>;
  /** A token allowed to make the call, so that input validation is what answers. */
  token?: string;
}

/** A department's operation builder: calls are made with `defaultToken` unless another caller is named (undefined: anonymous). */
export function operationsAs(defaultToken: string) {
  return (name: string, document: string, variables: Record<string, unknown>, caller: string | undefined = defaultToken): Operation => ({ name, document, variables, token: caller });
}

/**
 * The operation once per hostile value at `path` (e.g. `i.title`), every other
 * variable left valid. With `refusedWith` each must be refused; a filter may
 * pass `null` to accept an empty answer instead.
 */
export function vary(operation: Operation, path: string, values: readonly unknown[], refusedWith: readonly string[] | null = INPUT_REFUSALS): HostileRequest[] {
  return values.map((value) =>
    query(`${operation.name} ${path}=${label(value)}`, operation.document, withValue(operation.variables, path, value), operation.token, refusedWith ?? undefined),
  );
}
