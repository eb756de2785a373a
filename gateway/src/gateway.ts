import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { buildASTSchema, OperationTypeNode, parse } from 'graphql';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONSOLE_ASSETS_DIR } from '@shequ/console';
import { IDE_ASSETS_DIR } from '@shequ/ide';
import { developmentTokenRoute } from './pages/development-token';
import { jsonDocument, redirectTo, staticAppRoutes } from './pages/static-pages';
import { closeServer, createErrorFormatter, createHttpServer, createLogger, listen, createTokenVerifier, ProcessMetrics, requestMetricsPlugin, requestTraceContext, serviceUnavailablePlugin, type Logger, type Viewer } from '@shequ/kit';
import { CodeRegistry, DEFAULT_REFRESH_INTERVAL_MS } from './codes/code-registry';
import { divisionCodesPlugin } from './codes/codes-plugin';
import { divisionCodesFrom, supergraphUrlOf } from './codes/division-codes-source';
import type { GatewaySettings } from './environment';
import { exportRoute } from './export/export-endpoint';
import { statisticsPagesFrom } from './export/statistics-pages';
import type { GatewayContext } from './gateway-context';
import { introspectionForSignedInOnly } from './introspection-guard';
import { callerConcurrency, callerKeyOf, DEFAULT_CONCURRENCY } from './limits/caller-concurrency';
import { readFieldWeights } from './limits/field-weights';
import { DEFAULT_MAX_IN_FLIGHT, GatewayInFlight } from './limits/gateway-in-flight';
import { DEFAULT_HEAVY_OPERATIONS, HeavyOperations } from './limits/heavy-operations';
import { operationLimitsPlugin } from './limits/limits-plugin';
import { DEFAULT_LIMITS } from './limits/operation-limits';
import { createPreflight } from './limits/preflight';
import { RedisCache } from './limits/redis-cache';
import { TrustedDocuments } from './limits/trusted-documents';
import { FetchClock } from './observability/fetch-clock';
import { operationTimePlugin } from './observability/operation-time';
import { OverloadMetrics } from './observability/overload-metrics';
import { observeRedis } from './observability/redis-metrics';
import { SubgraphFetchMetrics } from './observability/subgraph-fetch-metrics';
import { SubgraphDataSource } from './subgraph-data-source';
import { sharedOperationsPlugin } from './shared-operations';
import { SubgraphReadiness, supergraphSubgraphs } from './subgraph-readiness';

/** The operation types the supergraph serves: query always, mutation when some subgraph has one. */
function rootOperationTypes(supergraphSdl: string): ReadonlySet<OperationTypeNode> {
  const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  const types = new Set<OperationTypeNode>([OperationTypeNode.QUERY]);
  if (schema.getMutationType()) {
    types.add(OperationTypeNode.MUTATION);
  }
  return types;
}

export interface RunningGateway {
  /** e.g. http://localhost:4000/graphql */
  url: string;
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * Serves a composed supergraph file — composition happens at build time,
 * never here — over Apollo Server, verifying the caller's token before any
 * subgraph is called.
 */
/** Where the GraphQL IDE is served (`IDE`); a browser asking for /graphql is sent there. */
const IDE_PATH = '/ide/';
/** The manifest @shequ/client's build writes: the operations the console (and any frontend built on the client) sends. */
const CLIENT_MANIFEST_PATH = join(dirname(require.resolve('@shequ/client/package.json')), 'dist', 'persisted-documents.json');

export async function startGateway(settings: GatewaySettings): Promise<RunningGateway> {
  const logger = createLogger('gateway', settings.logLevel);
  const supergraphSdl = readFileSync(settings.supergraphPath, 'utf8');
  const metrics = new ProcessMetrics('gateway');
  const subgraphFetches = new SubgraphFetchMetrics(metrics.registry);
  const inFlight = new GatewayInFlight(settings.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT, (endpoint) => overload.shed(endpoint));
  const overload = new OverloadMetrics(metrics.registry, () => inFlight.inFlight);
  /** A subgraph's replicas: those the environment gives, or the supergraph's one URL. */
  const replicasOf = (name: string, supergraphUrl: string | undefined) => settings.subgraphUrls[name] ?? (supergraphUrl ? [supergraphUrl] : undefined);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new SubgraphDataSource(replicasOf(name, String(url)) ?? [], settings.subgraphTimeoutMs, { subgraph: name, metrics: subgraphFetches, logger }),
    logger,
  });
  const limits = settings.limits ?? DEFAULT_LIMITS;
  // The project's own client's operations are registered unless another manifest is named: the console sends only those.
  const manifest = settings.trustedDocumentsPath ?? (existsSync(CLIENT_MANIFEST_PATH) ? CLIENT_MANIFEST_PATH : undefined);
  const trusted = manifest ? TrustedDocuments.fromManifest(manifest, settings.anonymousOnlyTrusted ?? false) : TrustedDocuments.none();
  const governanceUrls = replicasOf('governance', supergraphUrlOf(supergraphSdl, 'governance'));
  const codes = new CodeRegistry(
    governanceUrls ? divisionCodesFrom(governanceUrls, settings.subgraphTimeoutMs, settings.signingKey) : () => Promise.reject(new Error('the supergraph has no governance subgraph')),
    settings.codeRegistryRefreshMs ?? DEFAULT_REFRESH_INTERVAL_MS,
    logger,
  );
  const statisticsUrls = replicasOf('statistics', supergraphUrlOf(supergraphSdl, 'statistics'));
  const apqCache = settings.redisUrl ? await RedisCache.connect(settings.redisUrl, logger) : undefined;
  if (apqCache) {
    observeRedis(metrics.registry, () => apqCache.redisReachable);
  }
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    includeStacktraceInErrorResponses: settings.development,
    // Outside development, no "did you mean …?" hints that map the schema for a stranger.
    hideSchemaDetailsFromClientErrors: !settings.development,
    persistedQueries: apqCache ? { cache: apqCache } : {},
    formatError: createErrorFormatter({ development: settings.development, logger }),
    // The process's own stopOnSignals drains the HTTP server first; Apollo's handler (on outside NODE_ENV=test) would stop
    // Apollo under requests still in flight and signal the process again, which then exits at once.
    stopOnTerminationSignals: false,
    plugins: [
      requestMetricsPlugin(),
      operationTimePlugin(metrics.registry),
      serviceUnavailablePlugin(),
      divisionCodesPlugin(codes),
      operationLimitsPlugin(limits, readFieldWeights(supergraphSdl), new HeavyOperations(settings.heavyOperations ?? DEFAULT_HEAVY_OPERATIONS)),
      // After every check above: what it shares is execution, never a check.
      sharedOperationsPlugin(metrics.registry),
      // Apollo's own landing page loads Sandbox from a CDN: the gateway serves its own IDE instead (`/ide/`).
      ApolloServerPluginLandingPageDisabled(),
      ...(settings.development ? [] : [introspectionForSignedInOnly()]),
    ],
  });
  await apollo.start();
  // Before serving, so the first request is checked; an unreachable governance only leaves the check off.
  await codes.refresh();

  const readiness = new SubgraphReadiness(supergraphSubgraphs(supergraphSdl).map(({ name, url }) => ({ name, urls: replicasOf(name, url) ?? [] })));
  const verifyToken = createTokenVerifier(settings.tokens);
  // Admission and the context both need the caller: the token is verified once per request.
  const verified = new WeakMap<IncomingMessage, Promise<Viewer | null>>();
  const viewerOf = (request: IncomingMessage) => {
    let viewer = verified.get(request);
    if (!viewer) {
      viewer = verifyToken(request.headers.authorization);
      verified.set(request, viewer);
    }
    return viewer;
  };
  const contextOf = (request: IncomingMessage, viewer: Viewer | null, requestId: string, signal: AbortSignal): GatewayContext => ({
    viewer,
    requestId,
    authorization: request.headers.authorization ?? null,
    signal,
    callerKey: callerKeyOf(viewer, request),
    subgraphSigningKey: settings.signingKey,
    trace: requestTraceContext(request),
    fetchClock: new FetchClock(),
  });
  const server = createHttpServer<GatewayContext>({
    apollo,
    logger,
    metrics,
    exposure: { development: settings.development, metricsToken: settings.metricsToken, corsOrigins: settings.corsOrigins },
    context: async ({ request, requestId, signal }) => contextOf(request, await viewerOf(request), requestId, signal),
    // Ready while every subgraph is: a replica whose departments cannot answer should not be sent callers.
    ready: () => readiness.check(),
    maxBodyBytes: settings.maxBodyBytes ?? 100_000,
    // Probes (/health, /ready, /metrics) never reach admission: an overloaded gateway still answers them.
    admit: inFlight.admitting(callerConcurrency(settings.concurrency ?? DEFAULT_CONCURRENCY, viewerOf)),
    preflight: createPreflight(limits, trusted, rootOperationTypes(supergraphSdl)),
    routes: {
      '/export': inFlight.route('export', exportRoute({ apollo, viewerOf, contextOf, laterPage: statisticsUrls ? statisticsPagesFrom(statisticsUrls, settings.subgraphTimeoutMs) : undefined })),
      ...staticAppRoutes({ directory: CONSOLE_ASSETS_DIR, assetsPath: '/console/', pagePaths: ['/', '/console/'], connectTo: settings.oidc ? [new URL(settings.oidc.issuer).origin] : [] }),
      '/console/config.json': jsonDocument({ development: settings.development, oidc: settings.oidc ?? null }),
      ...(settings.ide ? { ...staticAppRoutes({ directory: IDE_ASSETS_DIR, assetsPath: IDE_PATH, pagePaths: [IDE_PATH] }), '/ide': redirectTo(IDE_PATH) } : {}),
      ...(settings.development && settings.tokens.secret ? { '/dev/token': developmentTokenRoute(settings.tokens.secret) } : {}),
    },
    landingPage: settings.ide ? IDE_PATH : undefined,
  });
  const baseUrl = await listen(server, settings.port, settings.host);
  logger.info({ url: `${baseUrl}/graphql`, supergraph: settings.supergraphPath, trustedDocuments: trusted.size, divisionCodes: codes.size, apqCache: apqCache ? 'redis' : 'memory', maxInFlight: inFlight.limit }, 'gateway ready');
  return {
    url: `${baseUrl}/graphql`,
    logger,
    stop: async () => {
      await closeServer(server);
      await apollo.stop();
      await apqCache?.close();
    },
  };
}
