import { readEnvironment } from './environment';

const SECRET = 'a-deployment-secret-of-at-least-32-chars';

describe('platform environment', () => {
  it('runs in development, with the embedded database and demo data, when nothing is set', () => {
    expect(readEnvironment({})).toEqual({ databaseUrl: null, seedScale: 'demo', mode: 'development' });
  });

  it('hands an explicit mode on', () => {
    expect(readEnvironment({ NODE_ENV: 'test', JWT_SECRET: SECRET, SUBGRAPH_SIGNING_KEY: 'k'.repeat(32) }).mode).toBe('test');
  });

  it('needs a database URL and a JWT secret in production', () => {
    expect(() => readEnvironment({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL: required when NODE_ENV=production[\s\S]*JWT_SECRET: required unless NODE_ENV=development/);
  });

  it('needs a JWT secret of its own in test mode', () => {
    expect(() => readEnvironment({ NODE_ENV: 'test' })).toThrow('JWT_SECRET: required unless NODE_ENV=development');
  });

  it('needs the subgraph signing key outside development', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/shequ', JWT_SECRET: 'j'.repeat(32) };
    expect(() => readEnvironment(production)).toThrow('SUBGRAPH_SIGNING_KEY: required when NODE_ENV=production');
    expect(readEnvironment({ ...production, SUBGRAPH_SIGNING_KEY: 'k'.repeat(32) }).mode).toBe('production');
  });

  it('rejects an unknown seed scale by name', () => {
    expect(() => readEnvironment({ SEED_SCALE: 'huge' })).toThrow('SEED_SCALE: must be demo, province or stress');
  });
});
