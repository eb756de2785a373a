import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RouteHandler, Viewer } from '@shequ/kit';
import type { GatewayContext } from '../gateway-context';
import { callerKeyOf } from '../limits/caller-concurrency';
import { CountPerCaller } from '../limits/count-per-caller';
import { ExportRequestError, readExportRequest, type ExportFormat } from './export-request';
import { writeIndicatorTable } from './export-table';
import { indicatorTablePageQuery, type IndicatorTablePage } from './indicator-table-page';
import type { PageAnswer } from './statistics-pages';
import { comparedFields, type Comparison } from './table-columns';

interface ErrorShape {
  message: string;
  extensions: Record<string, unknown>;
}

/** The HTTP status the graph's error codes stand for when nothing set one. */
const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  TOO_MANY_REQUESTS: 429,
};

/** Refused before the first byte of the file: answered as JSON `{ errors }` with the status the graph would give. */
class ExportRefusal extends Error {
  constructor(
    readonly status: number,
    readonly errors: ErrorShape[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors[0]?.message ?? 'export refused');
  }
}

const refusal = (status: number, code: string, message: string, extensions: Record<string, unknown> = {}) => new ExportRefusal(status, [{ message, extensions: { code, ...extensions } }]);

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `indicators-county-2026-Q3.csv`; a twelve-month label (`2025-12..2026-11`) becomes `2025-12_2026-11`. */
export function exportFileName(level: unknown, periodLabel: string, format: ExportFormat): string {
  const part = (text: string) => text.replace(/\.\./g, '_').replace(/[^A-Za-z0-9_-]/g, '');
  return `indicators-${part(String(level ?? 'table').toLowerCase())}-${part(periodLabel)}.${format}`;
}

export interface ExportDependencies {
  apollo: ApolloServer<GatewayContext>;
  /** The caller's verified token, exactly as /graphql verifies it (throws UNAUTHENTICATED). */
  viewerOf: (request: IncomingMessage) => Promise<Viewer | null>;
  /** The context /graphql would give this caller. */
  contextOf: (request: IncomingMessage, viewer: Viewer | null, requestId: string, signal: AbortSignal) => GatewayContext;
  /** Runs the pages after the first on the statistics subgraph itself (statistics-pages.ts); without it, every page goes through the gateway. */
  laterPage?: (context: GatewayContext, query: string, variables: Record<string, unknown>) => Promise<PageAnswer>;
}

/**
 * `POST /export` and `GET /export`: the indicator table as a CSV or XLSX
 * file. Each page is asked of the graph through the gateway's own execution
 * (`executeOperation`) with the caller's verified identity and forwarded
 * Authorization header, so token checks, the code check, the operation
 * limits and every subgraph's own rules apply exactly as to the same query
 * on /graphql. The response starts only once the first page has come back,
 * so every refusal is a JSON error with its status; after that, rows are
 * written as pages arrive and a failure cuts the transfer short rather than
 * end a file that looks whole. One export per caller at a time.
 */
export function exportRoute(dependencies: ExportDependencies): RouteHandler {
  const inFlight = new CountPerCaller();
  return async (request, response, { requestId, logger, signal, readBody }) => {
    let release: (() => void) | null = null;
    try {
      let viewer: Viewer | null;
      try {
        viewer = await dependencies.viewerOf(request);
      } catch (error) {
        throw refusal(401, 'UNAUTHENTICATED', error instanceof Error ? error.message : 'token is not valid');
      }
      const callerKey = callerKeyOf(viewer, request);
      if (inFlight.of(callerKey) >= 1) {
        throw new ExportRefusal(429, [{ message: 'an export of yours is still being written: one at a time per caller; retry when it has finished', extensions: { code: 'TOO_MANY_REQUESTS' } }], { 'retry-after': '1' });
      }
      release = inFlight.add(callerKey);
      const url = new URL(request.url ?? '/', 'http://localhost');
      const asked = await readExportRequest(request, url, readBody).catch((error: unknown) => {
        throw error instanceof ExportRequestError ? refusal(400, 'BAD_USER_INPUT', error.message, { argument: error.argument }) : error;
      });
      const context = { ...dependencies.contextOf(request, viewer, requestId, signal), writtenByGateway: true };
      const compare = Array.isArray(asked.input.compare) ? (asked.input.compare as Comparison[]) : [];
      const query = indicatorTablePageQuery(comparedFields(compare));
      const first = await gatewayPage(dependencies.apollo, context, query, asked.input);
      const laterPage = dependencies.laterPage;
      const pageAfter = laterPage
        ? async (after: string) => pageOf(await laterPage(context, query, { input: asked.input, after }))
        : (after: string) => gatewayPage(dependencies.apollo, context, query, asked.input, after);
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[asked.format],
        'content-disposition': `attachment; filename="${exportFileName(asked.input.level, first.period.label, asked.format)}"`,
        'cache-control': 'no-store',
      });
      // The next page is asked for while this one is written: the subgraph's work and the gateway's overlap.
      const nextAfter = (page: IndicatorTablePage) => {
        const next = page.pageInfo.hasNextPage ? pageAfter(page.pageInfo.endCursor as string) : null;
        // Awaited in turn below; a failure before then must not count as unhandled.
        next?.catch(() => undefined);
        return next;
      };
      async function* pages() {
        let next = nextAfter(first);
        yield first;
        while (next) {
          const page = await next;
          next = nextAfter(page);
          yield page;
        }
      }
      await writeIndicatorTable(pages(), { format: asked.format, language: asked.language, compare }, response);
    } catch (error) {
      answerFailure(response, error, logger);
    } finally {
      release?.();
    }
  };
}

/** A page run as the caller through the gateway's own execution, with every check /graphql makes. */
async function gatewayPage(apollo: ApolloServer<GatewayContext>, context: GatewayContext, query: string, input: Record<string, unknown>, after: string | null = null): Promise<IndicatorTablePage> {
  const result = await apollo.executeOperation<Record<string, unknown>>({ query, variables: { input, after } }, { contextValue: context });
  if (result.body.kind !== 'single') {
    throw new Error('the indicator table answered in increments');
  }
  const { data, errors } = result.body.singleResult;
  return pageOf({ data, errors, status: result.http.status, headers: Object.fromEntries(result.http.headers) });
}

/** The page an answer holds; a refusal, with the status the graph would give, when it holds errors. */
function pageOf({ data, errors, status, headers = {} }: PageAnswer): IndicatorTablePage {
  const table = data?.indicatorTable as IndicatorTablePage | null | undefined;
  if (errors?.length || !table) {
    const shaped = (errors ?? []).map((error) => ({ message: error.message, extensions: { ...(error.extensions ?? {}), code: error.extensions?.code ?? 'INTERNAL_SERVER_ERROR' } }));
    const code = String(shaped[0]?.extensions.code ?? 'INTERNAL_SERVER_ERROR');
    const answered = status && status >= 400 ? status : (STATUS_OF_CODE[code] ?? 500);
    throw new ExportRefusal(answered, shaped.length ? shaped : [{ message: 'the indicator table gave no answer', extensions: { code } }], headers['retry-after'] ? { 'retry-after': headers['retry-after'] } : {});
  }
  return { ...table, levels: data?.levels as IndicatorTablePage['levels'], tiers: data?.tiers as IndicatorTablePage['tiers'] };
}

function answerFailure(response: ServerResponse, error: unknown, logger: { warn: (object: object, message: string) => void; error: (object: object, message: string) => void }): void {
  if (response.headersSent) {
    // The file has begun: a status can no longer say it failed, so the transfer is cut short instead.
    logger.warn({ err: error }, 'export failed after its first page');
    response.destroy();
    return;
  }
  const answer =
    error instanceof ExportRefusal
      ? error
      : error instanceof GraphQLError && typeof error.extensions?.code === 'string'
        ? refusal(STATUS_OF_CODE[error.extensions.code] ?? 500, error.extensions.code, error.message)
        : null;
  if (!answer) {
    throw error;
  }
  response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  response.end(JSON.stringify({ errors: answer.errors.map(({ message, extensions }) => ({ message, extensions: withoutHttp(extensions) })) }));
}

function withoutHttp(extensions: Record<string, unknown>): Record<string, unknown> {
  const { http: _http, ...rest } = extensions;
  return rest;
}
