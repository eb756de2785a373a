import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/** How long a caller is told to wait (Retry-After) before asking again while a database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Error codes that mean the database could not be reached or is going away:
 * the socket's (refused, reset, no route) and PostgreSQL's own —
 * admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
 * and the whole class 08 (connection exceptions). Read by code, never by
 * message: messages change with versions and locales.
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const POSTGRES_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

function codeMeansUnavailable(code: unknown): boolean {
  return typeof code === 'string' && (SOCKET_CODES.has(code) || POSTGRES_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code));
}

/**
 * The two failures a crash of the server gives a statement already sent
 * that carry no code: pg's own for a connection the server closed
 * mid-statement, and TypeORM's for a transaction whose connection pg has
 * since thrown away. Matched exactly, as the drivers raise them.
 */
function uncodedMeansUnavailable(error: { name?: unknown; message?: unknown }): boolean {
  return error.name === 'QueryRunnerAlreadyReleasedError' || error.message === 'Connection terminated unexpectedly';
}

/**
 * Whether an error (as TypeORM, pg or the socket raise it, however wrapped:
 * `driverError`, `cause`, an AggregateError's `errors`, graphql-js's
 * `originalError` or, for a value it did not see as an Error, `thrownValue`) says the database is
 * unreachable rather than that a statement was wrong.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) {
    return false;
  }
  const candidate = error as { code?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown; originalError?: unknown; thrownValue?: unknown };
  if (codeMeansUnavailable(candidate.code) || uncodedMeansUnavailable(candidate as { name?: unknown; message?: unknown })) {
    return true;
  }
  const nested = [candidate.driverError, candidate.cause, candidate.originalError, candidate.thrownValue, ...(Array.isArray(candidate.errors) ? candidate.errors : [])];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

interface AnswerShape {
  data?: Record<string, unknown> | null;
  errors?: readonly { extensions?: Record<string, unknown> }[];
}

/** Nothing answered: no data at all, or every root field null. */
function answeredNothing(result: AnswerShape): boolean {
  return !result.data || Object.values(result.data).every((value) => value === null || value === undefined);
}

/**
 * An answer holding SERVICE_UNAVAILABLE (a database down, here or at a
 * subgraph) tells the caller when to ask again (`Retry-After`); when nothing
 * at all was answered it is HTTP 503, which proxies and clients know to
 * retry. An answer with data stays 200: the rest of the graph answered.
 */
export function serviceUnavailablePlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const result: AnswerShape | undefined = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          if (!result?.errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')) {
            return;
          }
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          if ((response.http.status === undefined || response.http.status === 200) && answeredNothing(result)) {
            response.http.status = 503;
          }
        },
      };
    },
  };
}
