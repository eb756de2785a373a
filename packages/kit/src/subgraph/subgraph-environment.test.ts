import { DEVELOPMENT_JWT_SECRET } from '../auth/jwt';
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

  it.each([
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
