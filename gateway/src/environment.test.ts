import { SUPERGRAPH_PATH } from '@shequ/schema';
import { readEnvironment } from './environment';

describe('gateway environment', () => {
  it('serves the committed supergraph on port 4000 by default, with URLs from the supergraph', () => {
    expect(readEnvironment({})).toMatchObject({ port: 4000, supergraphPath: SUPERGRAPH_PATH, subgraphUrls: {}, development: true });
  });

  it('takes another supergraph file and per-subgraph URLs', () => {
    const settings = readEnvironment({ SUPERGRAPH_PATH: '/tmp/other.graphql', GOVERNANCE_URL: 'http://governance:4001/graphql' });
    expect(settings.supergraphPath).toBe('/tmp/other.graphql');
    expect(settings.subgraphUrls).toEqual({ governance: 'http://governance:4001/graphql' });
  });

  it.each([
    [{ GOVERNANCE_URL: 'governance' }, 'GOVERNANCE_URL: Invalid url'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET: required when NODE_ENV=production (or JWT_JWKS_URL)'],
    [{ SUBGRAPH_TIMEOUT_MS: '5' }, 'SUBGRAPH_TIMEOUT_MS'],
  ])('stops on %j naming the variable', (env, message) => {
    expect(() => readEnvironment(env)).toThrow(message);
  });
});
