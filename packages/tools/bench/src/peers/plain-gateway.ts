import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GATEWAY_SIGNATURE_HEADER, signGatewayRequest } from '@shequ/kit';

/**
 * The baseline peer: @apollo/gateway with its default settings, in one
 * process, on the same committed supergraph — what a team gets before any
 * tuning — plus the two settings every deployment of this graph needs: the
 * caller's token forwarded to the subgraphs, which check it themselves, and
 * each subgraph request signed with SUBGRAPH_SIGNING_KEY, without which the
 * subgraphs refuse the figures a @requires carries.
 */
interface CallerContext {
  authorization?: string;
}

async function main(): Promise<void> {
  // eslint-disable-next-line no-process-env
  const { SUPERGRAPH_PATH = '', PORT = '4100', SUBGRAPH_SIGNING_KEY = '' } = process.env;
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<CallerContext>({
        url,
        willSendRequest({ request, context }) {
          if (context.authorization) {
            request.http?.headers.set('authorization', context.authorization);
          }
          // The body as RemoteGraphQLDataSource will send it: query first, no http.
          const { http: _http, query, ...rest } = request;
          request.http?.headers.set(GATEWAY_SIGNATURE_HEADER, signGatewayRequest(SUBGRAPH_SIGNING_KEY, { requestId: '', body: JSON.stringify({ query, ...rest }) }));
        },
      }),
  });
  const server = new ApolloServer<CallerContext>({ gateway });
  await startStandaloneServer(server, {
    listen: { port: Number(PORT), host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  const shutdown = () => server.stop().then(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
