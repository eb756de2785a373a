import { readEnvironment } from '@shequ/gateway';
import { DEFAULT_DOCUMENT_LIMITS, DEVELOPMENT_JWT_SECRET, DEVELOPMENT_SIGNING_KEY, StartupError } from '@shequ/kit';
import { TEST_JWT_SECRET, TEST_SIGNING_KEY } from '@shequ/kit/testing';
import { SUPERGRAPH_PATH } from '@shequ/schema';
import { hiveGatewayRefusal } from '../testing/graph';
import { CLIENT_MANIFEST_PATH, DEFAULT_MAX_COST, readHiveGatewayEnvironment } from './environment';
import { hiveGatewayConfig } from './hive-gateway-config';

const production = { NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET, SUBGRAPH_SIGNING_KEY: TEST_SIGNING_KEY };

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    readHiveGatewayEnvironment(env);
  } catch (error) {
    expect(error).toBeInstanceOf(StartupError);
    return (error as Error).message;
  }
  throw new Error('the environment was accepted');
}

describe('the Hive Gateway environment', () => {
  it("reads the platform gateway's variables with the platform gateway's defaults", () => {
    const env = {
      ...production,
      JWT_ISSUER: 'https://login.example.gov.cn',
      JWT_AUDIENCE: 'shequ',
      JWT_MAX_LIFETIME: '12h',
      MAX_DEPTH: '12',
      GOVERNANCE_URL: 'http://governance.internal:4001/graphql',
      CORS_ORIGINS: 'https://console.example.gov.cn',
    };
    const hive = readHiveGatewayEnvironment(env);
    const platform = readEnvironment(env);
    expect(hive.tokens).toEqual(platform.tokens);
    expect(hive.tokens.maxLifetimeSeconds).toBe(12 * 3600);
    const { maxDepth, maxAliases, maxTokens, maxDirectives } = platform.limits ?? DEFAULT_DOCUMENT_LIMITS;
    expect(hive.limits).toEqual({ maxDepth, maxAliases, maxTokens, maxDirectives, maxCost: DEFAULT_MAX_COST, maxBodyBytes: platform.maxBodyBytes });
    expect(hive.limits.maxDepth).toBe(12);
    expect(hive.subgraphTimeoutMs).toBe(platform.subgraphTimeoutMs);
    expect(Object.fromEntries(Object.entries(hive.subgraphUrls).map(([name, url]) => [name, [url]]))).toEqual(platform.subgraphUrls);
    expect(hive.signingKey).toBe(platform.signingKey);
    expect(hive.corsOrigins).toEqual(platform.corsOrigins);
    expect([hive.port, hive.host]).toEqual([platform.port, platform.host]);
    expect(hive.supergraphPath).toBe(SUPERGRAPH_PATH);
    expect(hive.trustedDocumentsPath).toBe(CLIENT_MANIFEST_PATH);
    expect(hive.anonymousOnlyTrusted).toBe(false);
    expect(hive.development).toBe(false);
  });

  it('in development, falls back on the public development secret and signing key', () => {
    const settings = readHiveGatewayEnvironment({ NODE_ENV: 'development' });
    expect(settings.tokens.secret).toBe(DEVELOPMENT_JWT_SECRET);
    expect(settings.signingKey).toBe(DEVELOPMENT_SIGNING_KEY);
    expect(settings.host).toBe('127.0.0.1');
  });

  it.each([
    [{ NODE_ENV: undefined, JWT_SECRET: undefined }, 'JWT_SECRET: required unless NODE_ENV=development (or JWT_JWKS_URL); NODE_ENV is production'],
    [{ JWT_SECRET: DEVELOPMENT_JWT_SECRET }, 'JWT_SECRET: is the public development secret'],
    [{ SUBGRAPH_SIGNING_KEY: undefined }, 'SUBGRAPH_SIGNING_KEY: required when NODE_ENV=production'],
    [{ MAX_DEPTH: 'deep' }, 'MAX_DEPTH: Expected number'],
    [{ MAX_COST: '0' }, 'MAX_COST: Number must be greater than or equal to 1'],
    [{ TRUSTED_DOCUMENTS_PATH: '/no/such/manifest.json' }, 'TRUSTED_DOCUMENTS_PATH: no such file'],
    [{ JWT_JWKS_URL: 'not a url' }, 'JWT_JWKS_URL: Invalid url'],
    [{ CORS_ORIGINS: 'https://console.example.gov.cn/app' }, 'CORS_ORIGINS: must be a comma-separated list of origins'],
    [{ VOLUNTEERS_URL: 'http://a:4003/graphql,http://b:4003/graphql' }, 'volunteers: the Hive Gateway configuration takes one URL per subgraph'],
  ])('refuses %j, naming the variable', (change, message) => {
    expect(refusal({ ...production, ...change })).toContain(message);
  });

  it('stops the command line with the message, before it listens', async () => {
    const { code, output } = await hiveGatewayRefusal({ NODE_ENV: 'production', SUBGRAPH_SIGNING_KEY: TEST_SIGNING_KEY });
    expect(code).toBe(1);
    expect(output).toContain('Invalid environment:\n  JWT_SECRET: required unless NODE_ENV=development');
  });
});

describe('the configuration it makes', () => {
  const configOf = (env: NodeJS.ProcessEnv) => hiveGatewayConfig(readHiveGatewayEnvironment({ ...production, ...env }));

  it('checks the algorithms the deployment has keys for, issuer, audience and skew', () => {
    expect(configOf({}).jwt?.tokenVerification).toEqual({ algorithms: ['HS256'], issuer: undefined, audience: undefined, clockTolerance: 30 });
    expect(configOf({ JWT_SECRET: undefined, JWT_JWKS_URL: 'https://login.example.gov.cn/jwks.json', JWT_AUDIENCE: 'shequ' }).jwt?.tokenVerification).toEqual({
      algorithms: ['RS256'],
      issuer: undefined,
      audience: 'shequ',
      clockTolerance: 30,
    });
    expect(configOf({ JWT_JWKS_URL: 'https://login.example.gov.cn/jwks.json' }).jwt?.tokenVerification?.algorithms).toEqual(['HS256', 'RS256']);
  });

  it('lets anonymous callers through without a token and forwards no claims, only the header', () => {
    const config = configOf({});
    expect(config.jwt?.reject).toEqual({ missingToken: false, invalidToken: true });
    expect(config.jwt?.forward).toEqual({ payload: false, token: false });
  });

  it('moves the subgraphs the environment names, and sends no CORS headers unless origins are given', () => {
    const config = configOf({ VOLUNTEERS_URL: 'http://volunteers.internal/graphql' });
    expect(config.transportEntries).toEqual({ volunteers: { location: 'http://volunteers.internal/graphql' } });
    expect(config.cors).toBe(false);
  });
});
