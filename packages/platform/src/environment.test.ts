import { readEnvironment } from './environment';

describe('platform environment', () => {
  it('starts the embedded database with demo data when nothing is set', () => {
    expect(readEnvironment({})).toEqual({ databaseUrl: null, seedScale: 'demo', production: false });
  });

  it('needs a database URL and a JWT secret in production', () => {
    expect(() => readEnvironment({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL: required when NODE_ENV=production[\s\S]*JWT_SECRET: required/);
  });

  it('needs the subgraph signing key outside development', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/shequ', JWT_SECRET: 'j'.repeat(32) };
    expect(() => readEnvironment(production)).toThrow('SUBGRAPH_SIGNING_KEY: required when NODE_ENV=production');
    expect(readEnvironment({ ...production, SUBGRAPH_SIGNING_KEY: 'k'.repeat(32) }).production).toBe(true);
  });

  it('rejects an unknown seed scale by name', () => {
    expect(() => readEnvironment({ SEED_SCALE: 'huge' })).toThrow('SEED_SCALE: must be demo, province or stress');
  });
});
