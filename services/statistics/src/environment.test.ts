import { readEnvironment } from './environment';

const base = { NODE_ENV: 'development', DATABASE_URL: 'postgres://localhost/shequ' };

describe('the statistics environment', () => {
  it('reads the department URLs the gateway reads, else the subgraph list’s, and refreshes hourly by default', () => {
    const settings = readEnvironment({ ...base, VOLUNTEERS_URL: 'http://volunteers.internal:4003/graphql' });
    expect(settings.port).toBe(4005);
    expect(settings.refreshIntervalSeconds).toBe(3600);
    expect(settings.departmentUrls).toEqual({
      GOVERNANCE: 'http://localhost:4001/graphql',
      SERVICE_DELIVERY: 'http://localhost:4002/graphql',
      VOLUNTEERS: 'http://volunteers.internal:4003/graphql',
      PUBLIC_SAFETY: 'http://localhost:4004/graphql',
    });
  });

  it('takes STATISTICS_REFRESH_INTERVAL in seconds, 0 for no schedule, and STATISTICS_DATABASE_URL over DATABASE_URL', () => {
    expect(readEnvironment({ ...base, STATISTICS_REFRESH_INTERVAL: '0' }).refreshIntervalSeconds).toBe(0);
    expect(readEnvironment({ ...base, STATISTICS_DATABASE_URL: 'postgres://stats/shequ' }).databaseUrl).toBe('postgres://stats/shequ');
  });

  it('runs with RS256 tokens alone: its reads of the feeds are signed with the subgraph signing key, not a token it mints', () => {
    const settings = readEnvironment({ NODE_ENV: 'production', DATABASE_URL: base.DATABASE_URL, JWT_JWKS_URL: 'https://id.example.gov.cn/jwks.json', SUBGRAPH_SIGNING_KEY: 'k'.repeat(40) });
    expect(settings.tokens.secret).toBeNull();
    expect(settings.signingKey).toBe('k'.repeat(40));
    expect(() => readEnvironment({ NODE_ENV: 'production', DATABASE_URL: base.DATABASE_URL, JWT_JWKS_URL: 'https://id.example.gov.cn/jwks.json' })).toThrow(/SUBGRAPH_SIGNING_KEY/);
  });

  it('migrates at start unless MIGRATE_ON_START=false, like every subgraph', () => {
    expect(readEnvironment(base).migrateOnStart).toBe(true);
    expect(readEnvironment({ ...base, MIGRATE_ON_START: 'false' }).migrateOnStart).toBe(false);
    expect(() => readEnvironment({ ...base, MIGRATE_ON_START: 'off' })).toThrow(/MIGRATE_ON_START/);
  });

  it('refuses a bad interval or URL, naming the variable', () => {
    expect(() => readEnvironment({ ...base, STATISTICS_REFRESH_INTERVAL: 'hourly' })).toThrow(/STATISTICS_REFRESH_INTERVAL/);
    expect(() => readEnvironment({ ...base, STATISTICS_REFRESH_INTERVAL: '-5' })).toThrow(/STATISTICS_REFRESH_INTERVAL/);
    expect(() => readEnvironment({ ...base, GOVERNANCE_URL: 'not a url' })).toThrow(/GOVERNANCE_URL/);
  });
});
