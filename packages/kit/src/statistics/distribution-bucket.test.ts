import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@shequ/database/testing';
import { distributionBucket, distributionBucketSql } from './distribution-bucket';

let database: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
});

afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

describe('distributionBucket', () => {
  it('rounds to a tenth up to 60 days, to whole days up to 366, and says 367 beyond', () => {
    expect(distributionBucket(0)).toBe(0);
    expect(distributionBucket(2.04)).toBe(2);
    expect(distributionBucket(2.05)).toBe(2.1);
    expect(distributionBucket(0.15)).toBe(0.2);
    expect(distributionBucket(60)).toBe(60);
    expect(distributionBucket(60.4)).toBe(60);
    expect(distributionBucket(60.5)).toBe(61);
    expect(distributionBucket(365.5)).toBe(366);
    expect(distributionBucket(366)).toBe(366);
    expect(distributionBucket(366.01)).toBe(367);
    expect(distributionBucket(5000)).toBe(367);
  });

  it('is what the SQL expression computes, for the edges and for many durations', async () => {
    const edges = [0, 0.04, 0.05, 0.15, 0.25, 1.45, 2.05, 9.95, 59.94, 59.95, 59.96, 60, 60.04, 60.05, 60.5, 61.5, 100.5, 365.49, 365.5, 366, 366.0001, 367, 1000];
    // Durations as the departments compute them: seconds between two instants, over 86,400.
    const seconds = Array.from({ length: 2000 }, (_, index) => (index * 7919 * 613) % (400 * 86_400));
    const days = [...edges, ...seconds.map((second) => second / 86_400)];
    const rows: { bucket: number }[] = await dataSource.query(
      `SELECT ${distributionBucketSql('d')} AS bucket FROM unnest($1::float8[]) WITH ORDINALITY AS t(d, n) ORDER BY n`,
      [days],
    );
    const fromSql = rows.map((row) => Number(row.bucket));
    expect(fromSql).toEqual(days.map(distributionBucket));
    expect(new Set(fromSql).size).toBeGreaterThan(300);
  });
});
