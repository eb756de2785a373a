import { DEVELOPMENT_JWT_SECRET } from '../auth/jwt';
import { DEVELOPMENT_SIGNING_KEY } from '../environment/signing-key-environment';
import { DEFAULT_DOCUMENT_LIMITS } from '../limits/document-limits';
import { readMigrationEnvironment, readSubgraphEnvironment } from './subgraph-environment';

// Governance's entry in the subgraph list: port 4001, GOVERNANCE_DATABASE_URL.
const options = 'governance';
const URL = 'postgres://u:p@localhost:5432/shequ';
const SECRET = 'a-deployment-secret-of-at-least-32-chars';
/** What a deployment outside development sets: its own token secret and subgraph signing key. */
const DEPLOYED = { JWT_SECRET: SECRET, SUBGRAPH_SIGNING_KEY: 'a-signing-key-of-at-least-32-characters' };

describe('readSubgraphEnvironment', () => {
  it('fills development defaults when NODE_ENV=development: the development secret, loopback only', () => {
    expect(readSubgraphEnvironment({ DATABASE_URL: URL, NODE_ENV: 'development' }, options)).toMatchObject({
      port: 4001,
      host: '127.0.0.1',
      databaseUrl: URL,
      tokens: { secret: DEVELOPMENT_JWT_SECRET, maxLifetimeSeconds: 86_400 },
      development: true,
      logLevel: 'info',
      statementTimeoutMs: 10_000,
    });
  });

  it('runs as production when NODE_ENV is unset: its own secret, every interface, no development detail', () => {
    expect(readSubgraphEnvironment({ ...DEPLOYED, DATABASE_URL: URL, STATEMENT_TIMEOUT_MS: '2500' }, options)).toMatchObject({
      host: '0.0.0.0',
      tokens: { secret: SECRET },
      development: false,
      statementTimeoutMs: 2500,
    });
  });

  it('takes HOST and JWT_MAX_LIFETIME', () => {
    const settings = readSubgraphEnvironment({ DATABASE_URL: URL, NODE_ENV: 'development', HOST: '0.0.0.0', JWT_MAX_LIFETIME: '90m' }, options);
    expect(settings.host).toBe('0.0.0.0');
    expect(settings.tokens.maxLifetimeSeconds).toBe(5400);
  });

  it('prefers the service its own database URL', () => {
    const own = 'postgres://u:p@db:5432/governance';
    expect(readSubgraphEnvironment({ ...DEPLOYED, DATABASE_URL: URL, GOVERNANCE_DATABASE_URL: own }, options).databaseUrl).toBe(own);
  });

  it('reads the gateway’s document limits by the gateway’s variable names, and its defaults', () => {
    expect(readSubgraphEnvironment({ NODE_ENV: 'development', DATABASE_URL: URL }, options).limits).toEqual(DEFAULT_DOCUMENT_LIMITS);
    expect(readSubgraphEnvironment({ ...DEPLOYED, DATABASE_URL: URL, MAX_DEPTH: '12', MAX_ALIASES: '10', MAX_TOKENS: '900', MAX_DIRECTIVES: '5' }, options).limits).toEqual({
      maxDepth: 12,
      maxAliases: 10,
      maxTokens: 900,
      maxDirectives: 5,
    });
  });

  it('checks the gateway’s signature with SUBGRAPH_SIGNING_KEY, and with the development key only when NODE_ENV=development', () => {
    const key = 'k'.repeat(32);
    expect(readSubgraphEnvironment({ ...DEPLOYED, DATABASE_URL: URL, SUBGRAPH_SIGNING_KEY: key }, options).signingKey).toBe(key);
    expect(readSubgraphEnvironment({ NODE_ENV: 'development', DATABASE_URL: URL }, options).signingKey).toBe(DEVELOPMENT_SIGNING_KEY);
  });

  it.each([
    [{ ...DEPLOYED }, 'DATABASE_URL: required'],
    [{ DATABASE_URL: 'not a url', JWT_SECRET: SECRET }, 'DATABASE_URL: Invalid url'],
    [{ DATABASE_URL: URL, JWT_SECRET: SECRET, PORT: 'eighty' }, 'PORT: Expected number'],
    [{ DATABASE_URL: URL, NODE_ENV: 'production' }, 'JWT_SECRET: required unless NODE_ENV=development (or JWT_JWKS_URL); NODE_ENV is production'],
    [{ DATABASE_URL: URL, NODE_ENV: 'test' }, 'JWT_SECRET: required unless NODE_ENV=development (or JWT_JWKS_URL); NODE_ENV is test'],
    [{ DATABASE_URL: URL }, 'JWT_SECRET: required unless NODE_ENV=development (or JWT_JWKS_URL); NODE_ENV is production'],
    [{ DATABASE_URL: URL, NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET }, 'JWT_SECRET: is the public development secret, accepted only when NODE_ENV=development'],
    [{ DATABASE_URL: URL, NODE_ENV: 'test', JWT_SECRET: DEVELOPMENT_JWT_SECRET }, 'JWT_SECRET: is the public development secret'],
    [{ DATABASE_URL: URL, JWT_SECRET: DEVELOPMENT_JWT_SECRET }, 'JWT_SECRET: is the public development secret'],
    [{ DATABASE_URL: URL, NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32) }, 'SUBGRAPH_SIGNING_KEY: required when NODE_ENV=production'],
    [{ DATABASE_URL: URL, NODE_ENV: 'test', JWT_SECRET: 'j'.repeat(32) }, 'SUBGRAPH_SIGNING_KEY: required when NODE_ENV=test'],
    [{ DATABASE_URL: URL, NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), SUBGRAPH_SIGNING_KEY: DEVELOPMENT_SIGNING_KEY }, 'SUBGRAPH_SIGNING_KEY: must not be the public development key'],
    [{ DATABASE_URL: URL, JWT_SECRET: SECRET, SUBGRAPH_SIGNING_KEY: 'short' }, 'SUBGRAPH_SIGNING_KEY: must be at least 32 characters'],
    [{ DATABASE_URL: URL, JWT_SECRET: SECRET, MAX_DEPTH: '0' }, 'MAX_DEPTH'],
    [{ DATABASE_URL: URL, JWT_SECRET: 'short' }, 'JWT_SECRET: must be at least 32 characters'],
    [{ DATABASE_URL: URL, JWT_SECRET: SECRET, JWT_MAX_LIFETIME: 'forever' }, 'JWT_MAX_LIFETIME: must be a duration'],
    [{ DATABASE_URL: URL, JWT_SECRET: SECRET, LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_URL: URL, JWT_SECRET: SECRET, STATEMENT_TIMEOUT_MS: '0' }, 'STATEMENT_TIMEOUT_MS'],
    [{ DATABASE_URL: URL, JWT_SECRET: SECRET, MIGRATE_ON_START: 'no' }, "MIGRATE_ON_START: Invalid enum value. Expected 'true' | 'false'"],
  ])('stops on %j naming the variable', (env, message) => {
    expect(() => readSubgraphEnvironment(env, options)).toThrow(message);
  });

  it('takes the development secret when NODE_ENV=development says so', () => {
    expect(readSubgraphEnvironment({ DATABASE_URL: URL, NODE_ENV: 'development', JWT_SECRET: DEVELOPMENT_JWT_SECRET }, options).tokens.secret).toBe(DEVELOPMENT_JWT_SECRET);
  });
});

describe('MIGRATE_ON_START', () => {
  it('migrates at start unless set to false, where a migration job owns the step', () => {
    expect(readSubgraphEnvironment({ ...DEPLOYED, DATABASE_URL: URL }, options).migrateOnStart).toBe(true);
    expect(readSubgraphEnvironment({ ...DEPLOYED, DATABASE_URL: URL, MIGRATE_ON_START: 'true' }, options).migrateOnStart).toBe(true);
    expect(readSubgraphEnvironment({ ...DEPLOYED, DATABASE_URL: URL, MIGRATE_ON_START: 'false' }, options).migrateOnStart).toBe(false);
  });
});

describe('readMigrationEnvironment', () => {
  it('needs the database URL alone: no token secret or signing key, whatever the mode', () => {
    expect(readMigrationEnvironment({ NODE_ENV: 'production', DATABASE_URL: URL }, options)).toEqual({ databaseUrl: URL });
    expect(readMigrationEnvironment({ DATABASE_URL: URL, JWT_SECRET: 'short' }, options)).toEqual({ databaseUrl: URL });
  });

  it('prefers the service its own database URL', () => {
    const own = 'postgres://governance@db:5432/shequ';
    expect(readMigrationEnvironment({ DATABASE_URL: URL, GOVERNANCE_DATABASE_URL: own }, options).databaseUrl).toBe(own);
    expect(readMigrationEnvironment({ GOVERNANCE_DATABASE_URL: own }, options).databaseUrl).toBe(own);
  });

  it.each([
    [{}, 'DATABASE_URL: required (or GOVERNANCE_DATABASE_URL); the migration command needs nothing else'],
    [{ NODE_ENV: 'production', JWT_SECRET: SECRET }, 'DATABASE_URL: required (or GOVERNANCE_DATABASE_URL)'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL: Invalid url'],
    [{ DATABASE_URL: URL, GOVERNANCE_DATABASE_URL: 'not a url' }, 'GOVERNANCE_DATABASE_URL: Invalid url'],
  ])('stops on %j naming the variable', (env, message) => {
    expect(() => readMigrationEnvironment(env, options)).toThrow(message);
  });
});
