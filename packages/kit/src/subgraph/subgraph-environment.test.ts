import { DEVELOPMENT_JWT_SECRET } from '../auth/jwt';
import { DEVELOPMENT_SIGNING_KEY } from '../environment/signing-key-environment';
import { DEFAULT_DOCUMENT_LIMITS } from '../limits/document-limits';
import { readSubgraphEnvironment } from './subgraph-environment';

const options = { defaultPort: 4001, databaseUrlVariable: 'GOVERNANCE_DATABASE_URL' };
const URL = 'postgres://u:p@localhost:5432/shequ';

describe('readSubgraphEnvironment', () => {
  it('fills development defaults', () => {
    expect(readSubgraphEnvironment({ DATABASE_URL: URL }, options)).toMatchObject({
      port: 4001,
      databaseUrl: URL,
      tokens: { secret: DEVELOPMENT_JWT_SECRET },
      development: true,
      logLevel: 'info',
      statementTimeoutMs: 10_000,
    });
    expect(readSubgraphEnvironment({ DATABASE_URL: URL, STATEMENT_TIMEOUT_MS: '2500' }, options).statementTimeoutMs).toBe(2500);
  });

  it('prefers the service its own database URL', () => {
    const own = 'postgres://u:p@db:5432/governance';
    expect(readSubgraphEnvironment({ DATABASE_URL: URL, GOVERNANCE_DATABASE_URL: own }, options).databaseUrl).toBe(own);
  });

  it('reads the gateway’s document limits by the gateway’s variable names, and its defaults', () => {
    expect(readSubgraphEnvironment({ NODE_ENV: 'development', DATABASE_URL: URL }, options).limits).toEqual(DEFAULT_DOCUMENT_LIMITS);
    expect(readSubgraphEnvironment({ DATABASE_URL: URL, MAX_DEPTH: '12', MAX_ALIASES: '10', MAX_TOKENS: '900', MAX_DIRECTIVES: '5' }, options).limits).toEqual({
      maxDepth: 12,
      maxAliases: 10,
      maxTokens: 900,
      maxDirectives: 5,
    });
  });

  it('checks the gateway’s signature with SUBGRAPH_SIGNING_KEY, and with the development key only when NODE_ENV=development', () => {
    const key = 'k'.repeat(32);
    expect(readSubgraphEnvironment({ DATABASE_URL: URL, SUBGRAPH_SIGNING_KEY: key }, options).signingKey).toBe(key);
    expect(readSubgraphEnvironment({ NODE_ENV: 'development', DATABASE_URL: URL }, options).signingKey).toBe(DEVELOPMENT_SIGNING_KEY);
  });

  it.each([
    [{ DATABASE_URL: URL, NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32) }, 'SUBGRAPH_SIGNING_KEY: required when NODE_ENV=production'],
    [{ DATABASE_URL: URL, NODE_ENV: 'test', JWT_SECRET: 'j'.repeat(32) }, 'SUBGRAPH_SIGNING_KEY: required when NODE_ENV=test'],
    [{ DATABASE_URL: URL, NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), SUBGRAPH_SIGNING_KEY: DEVELOPMENT_SIGNING_KEY }, 'SUBGRAPH_SIGNING_KEY: must not be the public development key'],
    [{ DATABASE_URL: URL, SUBGRAPH_SIGNING_KEY: 'short' }, 'SUBGRAPH_SIGNING_KEY: must be at least 32 characters'],
    [{ DATABASE_URL: URL, MAX_DEPTH: '0' }, 'MAX_DEPTH'],
    [{}, 'DATABASE_URL: required'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL: Invalid url'],
    [{ DATABASE_URL: URL, PORT: 'eighty' }, 'PORT: Expected number'],
    [{ DATABASE_URL: URL, NODE_ENV: 'production' }, 'JWT_SECRET: required when NODE_ENV=production (or JWT_JWKS_URL)'],
    [{ DATABASE_URL: URL, JWT_SECRET: 'short' }, 'JWT_SECRET: must be at least 32 characters'],
    [{ DATABASE_URL: URL, LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_URL: URL, STATEMENT_TIMEOUT_MS: '0' }, 'STATEMENT_TIMEOUT_MS'],
  ])('stops on %j naming the variable', (env, message) => {
    expect(() => readSubgraphEnvironment(env, options)).toThrow(message);
  });
});
