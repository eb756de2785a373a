import { DEVELOPMENT_JWT_SECRET, DEVELOPMENT_SIGNING_KEY } from '@shequ/kit';
import { SUPERGRAPH_PATH } from '@shequ/schema';
import { readEnvironment } from './environment';

const SECRET = 'a-deployment-secret-of-at-least-32-chars';
/** What a deployment outside development sets: its own token secret and subgraph signing key. */
const DEPLOYED = { JWT_SECRET: SECRET, SUBGRAPH_SIGNING_KEY: 'a-signing-key-of-at-least-32-characters' };

describe('gateway environment', () => {
  it('serves the committed supergraph on port 4000 by default, with URLs from the supergraph', () => {
    expect(readEnvironment({ ...DEPLOYED })).toMatchObject({ port: 4000, supergraphPath: SUPERGRAPH_PATH, subgraphUrls: {} });
  });

  it('is production when NODE_ENV is unset, listening on every interface', () => {
    expect(readEnvironment({ ...DEPLOYED })).toMatchObject({ development: false, host: '0.0.0.0', tokens: { secret: SECRET, maxLifetimeSeconds: 86_400 } });
  });

  it('in development takes the development secret and listens on loopback only', () => {
    expect(readEnvironment({ NODE_ENV: 'development' })).toMatchObject({ development: true, host: '127.0.0.1', tokens: { secret: DEVELOPMENT_JWT_SECRET } });
  });

  it('serves the IDE in development, and elsewhere only with IDE=true', () => {
    expect(readEnvironment({ NODE_ENV: 'development' }).ide).toBe(true);
    expect(readEnvironment({ NODE_ENV: 'development', IDE: 'false' }).ide).toBe(false);
    expect(readEnvironment({ ...DEPLOYED }).ide).toBe(false);
    expect(readEnvironment({ ...DEPLOYED, IDE: 'true' }).ide).toBe(true);
    expect(() => readEnvironment({ ...DEPLOYED, IDE: 'yes' })).toThrow(/IDE/);
  });

  it('reads the browser origins allowed and the metrics token', () => {
    const settings = readEnvironment({ ...DEPLOYED, CORS_ORIGINS: 'https://console.example.gov.cn, http://localhost:5173', METRICS_TOKEN: 'm'.repeat(32) });
    expect(settings.corsOrigins).toEqual(['https://console.example.gov.cn', 'http://localhost:5173']);
    expect(settings.metricsToken).toBe('m'.repeat(32));
    expect(readEnvironment({ ...DEPLOYED }).corsOrigins).toEqual([]);
  });

  it('takes another supergraph file and per-subgraph URLs', () => {
    const settings = readEnvironment({ ...DEPLOYED, SUPERGRAPH_PATH: '/tmp/other.graphql', GOVERNANCE_URL: 'http://governance:4001/graphql' });
    expect(settings.supergraphPath).toBe('/tmp/other.graphql');
    expect(settings.subgraphUrls).toEqual({ governance: ['http://governance:4001/graphql'] });
    expect(readEnvironment({ ...DEPLOYED, VOLUNTEERS_URL: 'http://volunteers-a:4003/graphql, http://volunteers-b:4003/graphql' }).subgraphUrls).toEqual({
      volunteers: ['http://volunteers-a:4003/graphql', 'http://volunteers-b:4003/graphql'],
    });
  });

  it('reads the document limits by the names every subgraph reads them', () => {
    expect(readEnvironment({ ...DEPLOYED, MAX_DEPTH: '12', MAX_ALIASES: '10', MAX_TOKENS: '900', MAX_DIRECTIVES: '5' }).limits).toMatchObject({ maxDepth: 12, maxAliases: 10, maxTokens: 900, maxDirectives: 5 });
  });

  it('signs with SUBGRAPH_SIGNING_KEY, and with the development key only when NODE_ENV=development', () => {
    const key = 'k'.repeat(32);
    expect(readEnvironment({ ...DEPLOYED, SUBGRAPH_SIGNING_KEY: key }).signingKey).toBe(key);
    expect(readEnvironment({ NODE_ENV: 'development' }).signingKey).toBe(DEVELOPMENT_SIGNING_KEY);
  });

  it('bounds the operations the gateway runs at once: 64 by default, GATEWAY_MAX_IN_FLIGHT when given', () => {
    expect(readEnvironment({ ...DEPLOYED }).maxInFlight).toBe(64);
    expect(readEnvironment({ ...DEPLOYED, GATEWAY_MAX_IN_FLIGHT: '200' }).maxInFlight).toBe(200);
  });

  it.each([
    [{ JWT_SECRET: SECRET, GOVERNANCE_URL: 'governance' }, "GOVERNANCE_URL: must be a URL, or several replicas' URLs separated by commas"],
    [{ JWT_SECRET: SECRET, GOVERNANCE_URL: 'http://governance:4001/graphql,governance-b' }, "GOVERNANCE_URL: must be a URL, or several replicas' URLs separated by commas"],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET: required unless NODE_ENV=development (or JWT_JWKS_URL)'],
    [{}, 'JWT_SECRET: required unless NODE_ENV=development (or JWT_JWKS_URL); NODE_ENV is production'],
    [{ NODE_ENV: 'test' }, 'JWT_SECRET: required unless NODE_ENV=development'],
    [{ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET }, 'JWT_SECRET: is the public development secret, accepted only when NODE_ENV=development'],
    [{ JWT_SECRET: SECRET, SUBGRAPH_TIMEOUT_MS: '5' }, 'SUBGRAPH_TIMEOUT_MS'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32) }, 'SUBGRAPH_SIGNING_KEY: required when NODE_ENV=production'],
    [{ NODE_ENV: 'test', JWT_SECRET: 'j'.repeat(32) }, 'SUBGRAPH_SIGNING_KEY: required when NODE_ENV=test'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), SUBGRAPH_SIGNING_KEY: DEVELOPMENT_SIGNING_KEY }, 'SUBGRAPH_SIGNING_KEY: must not be the public development key'],
    [{ JWT_SECRET: SECRET, SUBGRAPH_SIGNING_KEY: 'short' }, 'SUBGRAPH_SIGNING_KEY: must be at least 32 characters'],
    [{ ...DEPLOYED, CORS_ORIGINS: 'console.example.gov.cn' }, 'CORS_ORIGINS: must be a comma-separated list of origins'],
    [{ ...DEPLOYED, METRICS_TOKEN: 'short' }, 'METRICS_TOKEN: must be at least 32 characters'],
    [{ ...DEPLOYED, GATEWAY_MAX_IN_FLIGHT: '0' }, 'GATEWAY_MAX_IN_FLIGHT'],
    [{ ...DEPLOYED, GATEWAY_MAX_IN_FLIGHT: 'many' }, 'GATEWAY_MAX_IN_FLIGHT'],
  ])('stops on %j naming the variable', (env, message) => {
    expect(() => readEnvironment(env)).toThrow(message);
  });
});
