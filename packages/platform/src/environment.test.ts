import { readEnvironment } from './environment';

describe('platform environment', () => {
  it('starts the embedded database with demo data when nothing is set', () => {
    expect(readEnvironment({})).toEqual({ databaseUrl: null, seedScale: 'demo', production: false });
  });

  it('needs a database URL and a JWT secret in production', () => {
    expect(() => readEnvironment({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL: required when NODE_ENV=production[\s\S]*JWT_SECRET: required/);
  });

  it('rejects an unknown seed scale by name', () => {
    expect(() => readEnvironment({ SEED_SCALE: 'huge' })).toThrow('SEED_SCALE: must be demo, province or stress');
  });
});
