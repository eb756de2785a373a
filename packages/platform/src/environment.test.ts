import { readEnvironment } from './environment';

const SECRET = 'a-deployment-secret-of-at-least-32-chars';

describe('platform environment', () => {
  it('runs in development, with the embedded database and demo data, when nothing is set', () => {
    expect(readEnvironment({})).toEqual({ databaseUrl: null, seedScale: 'demo', mode: 'development' });
  });

  it('hands an explicit mode on', () => {
    expect(readEnvironment({ NODE_ENV: 'test', JWT_SECRET: SECRET }).mode).toBe('test');
  });

  it('needs a database URL and a JWT secret in production', () => {
    expect(() => readEnvironment({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL: required when NODE_ENV=production[\s\S]*JWT_SECRET: required unless NODE_ENV=development/);
  });

  it('needs a JWT secret of its own in test mode', () => {
    expect(() => readEnvironment({ NODE_ENV: 'test' })).toThrow('JWT_SECRET: required unless NODE_ENV=development');
  });

  it('rejects an unknown seed scale by name', () => {
    expect(() => readEnvironment({ SEED_SCALE: 'huge' })).toThrow('SEED_SCALE: must be demo, province or stress');
  });
});
