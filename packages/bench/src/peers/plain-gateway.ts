import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/**
 * The baseline peer: @apollo/gateway with its default settings, in one
 * process, on the same committed supergraph — what a team gets before any
 * tuning. It answers /health for the benchmark's readiness check.
 */
async function main(): Promise<void> {
  // eslint-disable-next-line no-process-env
  const { SUPERGRAPH_PATH = '', PORT = '4100' } = process.env;
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8') }) });
  await startStandaloneServer(server, {
    listen: { port: Number(PORT), host: '127.0.0.1' },
  });
  const shutdown = () => server.stop().then(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
