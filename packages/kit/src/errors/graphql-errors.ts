import { GraphQLError } from 'graphql';

/** The error codes a client may see (DESIGN: Errors). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TIMEOUT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'SUBGRAPH_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, TOO_MANY_REQUESTS: 429 };

export function graphqlError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, {
    extensions: { code, ...extensions, ...(status ? { http: { status } } : {}) },
  });
}

/** Input the caller can fix: the message names the argument and what was expected. */
export function badUserInput(argument: string, message: string): GraphQLError {
  return graphqlError('BAD_USER_INPUT', `${argument}: ${message}`, { argument });
}

export function unauthenticated(message: string): GraphQLError {
  return graphqlError('UNAUTHENTICATED', message);
}

/**
 * No such record — the one answer for an unknown id, and for a record the
 * caller may not reach (see `authorizedRecord`), so the two cannot be told apart.
 */
export function notFound(what: string): GraphQLError {
  return graphqlError('NOT_FOUND', `${what} does not exist`);
}

export function forbidden(message: string): GraphQLError {
  return graphqlError('FORBIDDEN', message);
}
