import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import { GATEWAY_SIGNATURE_HEADER, SERVICE_HEADER, SERVICE_SIGNATURE_HEADER, verifiedService, verifyGatewaySignature } from '../auth/gateway-signature';
import { serviceViewer } from '../auth/viewer';
import { createTokenVerifier, type TokenSettings } from '../auth/jwt';
import { cancelWhenCallerGone } from '../database/cancel-when-caller-gone';
import { createServiceDataSource, connectAndCheckMigrations, connectAndMigrate } from '../database/data-source';
import { pendingMigrationNames } from '../database/migrations';
import type { StatementCounter } from '../database/statement-counter';
import { createErrorFormatter } from '../errors/format-error';
import { serviceUnavailablePlugin } from '../errors/service-unavailable';
import { createLogger, type Logger } from '../logging/logger';
import { DEFAULT_DOCUMENT_LIMITS, documentLimitsPreflight, type DocumentLimits } from '../limits/document-limits';
import { representationsFromGatewayOnly } from '../schema/entity-representations';
import { buildFederatedSchema } from '../schema/federated-schema';
import type { SubgraphContext } from '../server/context';
import { closeServer, createHttpServer, listen } from '../server/http-server';
import { ProcessMetrics } from '../server/metrics';
import { requestMetricsPlugin } from '../observability/metrics-plugin';
import { observedDatabase } from '../observability/observed-database';
import type { SubgraphDefinition } from './subgraph-definition';

export interface SubgraphSettings {
  port: number;
  host: string;
  databaseUrl: string;
  tokens: TokenSettings;
  development: boolean;
  logLevel: string;
  poolSize?: number;
  /** The longest one SQL statement may run; see createServiceDataSource. */
  statementTimeoutMs?: number;
  /** METRICS_TOKEN: who may read `/metrics` outside development. */
  metricsToken?: string;
  /** A cluster worker: the primary already migrated (or checked). */
  skipMigrations?: boolean;
  /**
   * MIGRATE_ON_START, true unless false: migrate the schema at start. False
   * where a migration job owns that step: the process then only checks that
   * nothing is pending and refuses to start otherwise, naming what is.
   */
  migrateOnStart?: boolean;
  /** Keep every SQL statement sent and serve them at /debug/sql (benchmarks only; never in production). */
  sqlCapture?: boolean;
  /** Depth, alias, token and directive limits, the gateway's by default (MAX_DEPTH, … as at the gateway). */
  limits?: DocumentLimits;
  /**
   * SUBGRAPH_SIGNING_KEY, shared with the gateway. Without it no request
   * counts as the gateway's: representations must be key-only and every
   * request id is this process's own.
   */
  signingKey?: string;
}

export interface RunningSubgraph {
  settings: SubgraphSettings;
  /** e.g. http://localhost:4001/graphql */
  url: string;
  dataSource: DataSource;
  statements: StatementCounter;
  logger: Logger;
  /** Stops accepting, finishes in-flight requests, closes the pool. */
  stop(): Promise<void>;
}

/** Migrates the subgraph's schema, builds its graph and serves it. */
function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

export async function startSubgraph<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  settings: SubgraphSettings,
): Promise<RunningSubgraph> {
  const logger = createLogger(definition.name, settings.logLevel);
  const { dataSource, counter } = createServiceDataSource({
    url: settings.databaseUrl,
    schema: definition.databaseSchema,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: settings.poolSize,
    statementTimeoutMs: settings.statementTimeoutMs,
    logger,
  });
  if (settings.skipMigrations) {
    await dataSource.initialize();
  } else if (settings.migrateOnStart === false) {
    await connectAndCheckMigrations(dataSource, definition.databaseSchema, definition.name);
  } else {
    await connectAndMigrate(dataSource, definition.databaseSchema);
  }
  cancelWhenCallerGone(dataSource, settings.databaseUrl, logger);
  if (settings.sqlCapture) {
    counter.captured = [];
  }

  const { schema, keyFields } = await buildFederatedSchema<SubgraphContext<Loaders>>(definition);
  const apollo = new ApolloServer<SubgraphContext<Loaders>>({
    schema,
    introspection: settings.development,
    includeStacktraceInErrorResponses: settings.development,
    formatError: createErrorFormatter({ development: settings.development, logger, service: definition.name }),
    // The process's own stopOnSignals drains the HTTP server first; Apollo's handler (on outside NODE_ENV=test) would stop
    // Apollo under requests still in flight and signal the process again, which then exits at once.
    stopOnTerminationSignals: false,
    // Traces are for Apollo's hosted studio, which Shequ does not use.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // No field carries a cache hint, so the hints Apollo's cache-control plugin gathers are always "no cache"; the
      // plugin cost a hook around every resolved field (a sixth of the subgraphs' CPU per dashboard in the bench).
      ApolloServerPluginCacheControlDisabled(),
      representationsFromGatewayOnly(keyFields),
      requestMetricsPlugin(),
      serviceUnavailablePlugin(),
      ...(settings.development ? [] : [ApolloServerPluginLandingPageDisabled()]),
    ],
  });
  await apollo.start();

  const verifyToken = createTokenVerifier(settings.tokens);
  const server = createHttpServer<SubgraphContext<Loaders>>({
    apollo,
    logger,
    metrics: new ProcessMetrics(definition.name, observedDatabase(dataSource, counter)),
    // Browsers call the gateway, never a subgraph: no CORS origins here.
    exposure: { development: settings.development, metricsToken: settings.metricsToken },
    sqlCapture: settings.sqlCapture
      ? (then) => {
          const statements = counter.captured ?? [];
          counter.captured = then === 'stop' ? null : then === 'reset' ? [] : counter.captured;
          return statements;
        }
      : undefined,
    preflight: documentLimitsPreflight(settings.limits ?? DEFAULT_DOCUMENT_LIMITS),
    isSignedByGateway: (request, body) =>
      !!settings.signingKey && verifyGatewaySignature(settings.signingKey, headerOf(request, GATEWAY_SIGNATURE_HEADER), { requestId: headerOf(request, 'x-request-id') ?? '', body }),
    serviceOf: (request, body) =>
      settings.signingKey
        ? verifiedService(
            settings.signingKey,
            { service: headerOf(request, SERVICE_HEADER), signature: headerOf(request, SERVICE_SIGNATURE_HEADER) },
            { requestId: headerOf(request, 'x-request-id') ?? '', body },
          )
        : null,
    context: async ({ request, requestId, logger: requestLogger, signedByGateway, service }) => {
      // A platform service's signed request acts as that service; anything else as its token says.
      const viewer = (service !== null ? serviceViewer(service) : null) ?? (await verifyToken(request.headers.authorization));
      return {
        viewer,
        requestId,
        signedByGateway,
        logger: requestLogger,
        dataSource,
        loaders: definition.createLoaders(dataSource, viewer),
      };
    },
    ready: async () => {
      // Reads only: a readiness probe never creates the migrations table.
      return (await pendingMigrationNames(dataSource, definition.databaseSchema)).length === 0;
    },
  });
  const baseUrl = await listen(server, settings.port, settings.host);
  logger.info({ url: `${baseUrl}/graphql` }, 'subgraph ready');

  return {
    settings,
    url: `${baseUrl}/graphql`,
    dataSource,
    statements: counter,
    logger,
    stop: async () => {
      await closeServer(server);
      await apollo.stop();
      await dataSource.destroy();
    },
  };
}
