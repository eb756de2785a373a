import { createTestDatabase } from '@shequ/database/testing';
import { signToken, type TokenRequest } from '../auth/jwt';
import { startSubgraph, type RunningSubgraph, type SubgraphSettings } from '../subgraph/start-subgraph';
import type { SubgraphDefinition } from '../subgraph/subgraph-definition';

/** Tests sign and verify with this secret; it is not the development default, so a test cannot pass by accident on it. */
export const TEST_JWT_SECRET = 'shequ-test-secret-0123456789abcdef';

/** The gateway and subgraphs of a test share this signing key (see testGatewaySettings). */
export const TEST_SIGNING_KEY = 'shequ-test-subgraph-signing-key-0123456789';

export interface TestSubgraph extends RunningSubgraph {
  databaseUrl: string;
}

/**
 * Starts a subgraph in-process on a free port, against a fresh database of
 * its own, in production mode (so error masking is what clients get).
 * `stop` also drops the database.
 */
export async function startTestSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>, settings: Partial<SubgraphSettings> = {}): Promise<TestSubgraph> {
  const database = await createTestDatabase();
  const running = await startSubgraph(definition, {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    tokens: { secret: TEST_JWT_SECRET },
    development: false,
    logLevel: 'silent',
    poolSize: 4,
    signingKey: TEST_SIGNING_KEY,
    ...settings,
  });
  return {
    ...running,
    databaseUrl: database.url,
    stop: async () => {
      await running.stop();
      await database.drop();
    },
  };
}

/** A token signed with the test secret; defaults to an analyst for the whole province. */
export function testToken(request: Partial<TokenRequest> = {}): string {
  return signToken({ sub: 'test-user', roles: ['analyst'], jurisdiction: '620000', ...request }, TEST_JWT_SECRET);
}
