import { TEST_JWT_SECRET, TEST_SIGNING_KEY } from '@shequ/kit/testing';
import { SUPERGRAPH_PATH } from '@shequ/schema';
import type { GatewaySettings } from '../environment';

/** A production-mode gateway on a free port, quiet, trusting the test token secret and signing with the test key, in front of the subgraphs given (a URL, or its replicas' URLs). */
export function testGatewaySettings(subgraphUrls: Record<string, string | string[]>, overrides: Partial<GatewaySettings> = {}): GatewaySettings {
  return {
    port: 0,
    host: '127.0.0.1',
    supergraphPath: SUPERGRAPH_PATH,
    subgraphUrls: Object.fromEntries(Object.entries(subgraphUrls).map(([name, urls]) => [name, typeof urls === 'string' ? [urls] : urls])),
    subgraphTimeoutMs: 10_000,
    tokens: { secret: TEST_JWT_SECRET },
    development: false,
    logLevel: 'silent',
    signingKey: TEST_SIGNING_KEY,
    ...overrides,
  };
}
