import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { closeServer, createErrorFormatter, createHttpServer, createLogger, listen, verifyAuthorization, type Logger } from '@shequ/kit';
import type { GatewaySettings } from './environment';
import type { GatewayContext } from './gateway-context';
import { introspectionForSignedInOnly } from './introspection-guard';
import { SubgraphDataSource } from './subgraph-data-source';

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
export async function startGateway(settings: GatewaySettings): Promise<RunningGateway> {
  const logger = createLogger('gateway', settings.logLevel);
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(settings.supergraphPath, 'utf8'),
    buildService: ({ name, url }) => new SubgraphDataSource(settings.subgraphUrls[name] ?? String(url), settings.subgraphTimeoutMs),
    logger,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    includeStacktraceInErrorResponses: settings.development,
    formatError: createErrorFormatter({ development: settings.development, logger }),
    plugins: settings.development ? [] : [ApolloServerPluginLandingPageDisabled(), introspectionForSignedInOnly()],
  });
  await apollo.start();

  const server = createHttpServer<GatewayContext>({
    apollo,
    logger,
    context: async ({ request, requestId }) => {
      const authorization = request.headers.authorization ?? null;
      return { viewer: verifyAuthorization(authorization, settings.jwtSecret), requestId, authorization };
    },
    ready: async () => true,
  });
  const baseUrl = await listen(server, settings.port, settings.host);
  logger.info({ url: `${baseUrl}/graphql`, supergraph: settings.supergraphPath }, 'gateway ready');
  return {
    url: `${baseUrl}/graphql`,
    logger,
    stop: async () => {
      await closeServer(server);
      await apollo.stop();
    },
  };
}
