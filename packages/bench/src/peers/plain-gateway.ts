import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/**
 * The baseline peer: @apollo/gateway with its default settings, in one
 * process, on the same committed supergraph — what a team gets before any
 * tuning — plus the one setting every deployment of this graph needs: the
 * caller's token forwarded to the subgraphs, which check it themselves.
 */
interface CallerContext {
  authorization?: string;
}

async function main(): Promise<void> {
  // eslint-disable-next-line no-process-env
  const { SUPERGRAPH_PATH = '', PORT = '4100' } = process.env;
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<CallerContext>({
        url,
        willSendRequest({ request, context }) {
          if (context.authorization) {
            request.http?.headers.set('authorization', context.authorization);
          }
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
