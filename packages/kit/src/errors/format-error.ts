import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { callerGoneSignal } from '../server/caller-scope';
import { isDatabaseUnavailable } from './service-unavailable';

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'TIMEOUT',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'SUBGRAPH_UNAVAILABLE',
]);

/** PostgreSQL's query_canceled: the statement ran past statement_timeout. */
const STATEMENT_TIMEOUT = '57014';

function isStatementTimeout(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: unknown } } | null)?.driverError;
  return driverError?.code === STATEMENT_TIMEOUT;
}

/** A subgraph's errors name its department, so a caller of the gateway knows whose part is missing. */
const departmentOf = (options: { service?: string }) => (options.service ? { department: options.service } : {});

/**
 * Apollo `formatError`: errors the code raised on purpose pass through; work
 * stopped because the caller has gone, and a statement stopped by the
 * statement timeout, become TIMEOUT; a database that cannot be reached
 * becomes SERVICE_UNAVAILABLE naming the `service` (see
 * `serviceUnavailablePlugin` for its Retry-After and 503); any other
 * error (a database failure, a bug) is logged and, outside development,
 * reaches the client only as "Internal server error" — no SQL, stack or path.
 */
export function createErrorFormatter(options: { development: boolean; logger: Logger; service?: string }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (PUBLIC_CODES.has(code)) {
      const { http: _http, stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: options.development ? { ...extensions, stacktrace } : extensions };
    }
    const original = unwrapResolverError(error);
    const status = original instanceof GraphQLError ? (original.extensions?.http as { status?: number } | undefined)?.status : undefined;
    if (code === 'INTERNAL_SERVER_ERROR' && status !== undefined && status >= 400 && status < 500) {
      // Apollo's own refusals of a malformed request (e.g. a persisted-query hash that does not match its query) carry a 4xx and no code.
      return { ...formatted, extensions: { code: 'BAD_REQUEST' } };
    }
    if (callerGoneSignal()?.aborted) {
      // The caller left (or the gateway gave up): what stopped was stopped for them, and nobody reads this answer.
      options.logger.info({ path: formatted.path }, 'stopped: the caller has gone');
      return { message: 'The caller went before the answer was ready', extensions: { code: 'TIMEOUT', ...departmentOf(options) }, path: formatted.path };
    }
    if (options.service && isDatabaseUnavailable(original)) {
      // Logged with its detail (the address, the driver's message); the caller learns only that it may retry.
      options.logger.warn({ err: original, path: formatted.path }, 'the database is unavailable');
      return {
        message: `the ${options.service} database is unavailable; retry shortly`,
        extensions: { code: 'SERVICE_UNAVAILABLE', department: options.service },
        path: formatted.path,
        locations: formatted.locations,
      };
    }
    if (isStatementTimeout(original)) {
      options.logger.warn({ path: formatted.path }, 'a statement ran past the statement timeout');
      return {
        message: 'The request took longer than the database allows; ask for fewer or smaller regions at once, or try again later',
        extensions: { code: 'TIMEOUT', ...departmentOf(options) },
        path: formatted.path,
        locations: formatted.locations,
      };
    }
    options.logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving');
    if (options.development) {
      return formatted;
    }
    const masked = new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    return { ...masked.toJSON(), path: formatted.path, locations: formatted.locations };
  };
}
