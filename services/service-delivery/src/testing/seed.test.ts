import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@shequ/database/testing';
import { communityOwner, migrateSubgraphs, seedDepartmentAfresh } from '@shequ/kit/testing';
import { serviceDeliverySubgraph } from '../subgraph';
import { seedServiceDelivery } from './seed';

const owner = communityOwner();
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrateSubgraphs(database.url, [owner.subgraph({}), serviceDeliverySubgraph]);
});
afterAll(() => database.drop());

const referenceDate = new Date(Date.UTC(2026, 10, 29));
const TABLES = ['service_request_transition', 'service_request', 'service_offering', 'service_category', 'service_facility', 'service_investment'];

async function seedAndSummarise(seed: number) {
  const messages = await seedDepartmentAfresh(database.url, { name: 'service-delivery', tables: TABLES, seeder: seedServiceDelivery }, { seed, referenceDate });
  const reader = new Client({ connectionString: database.url });
  await reader.connect();
  try {
    const { rows } = await reader.query(
      `SELECT (SELECT count(*)::int FROM governance.community) AS communities,
              (SELECT count(*)::int FROM service_delivery.service_offering) AS offerings,
              (SELECT count(*)::int FROM service_delivery.service_facility) AS facilities,
              (SELECT count(DISTINCT community_code)::int FROM service_delivery.service_facility WHERE kind = 'COMMUNITY_SERVICE_CENTRE') AS with_centre,
              (SELECT count(*)::int FROM service_delivery.service_request) AS requests,
              (SELECT count(*)::int FROM service_delivery.service_request_transition) AS transitions,
              (SELECT count(*)::int FROM service_delivery.service_investment) AS investments,
              (SELECT count(*)::int FROM service_delivery.service_request WHERE submitted_at > $1) AS future_requests,
              (SELECT count(*)::int FROM service_delivery.service_request WHERE resolved_at < submitted_at OR closed_at < resolved_at) AS out_of_order,
              (SELECT count(*)::int FROM service_delivery.service_request r
                 WHERE (SELECT count(*) FROM service_delivery.service_request_transition t WHERE t.request_id = r.id AND t.to_status = r.status) <> 1) AS untracked,
              (SELECT avg((resolved_at <= submitted_at + interval '15 days')::int)::float FROM service_delivery.service_request WHERE resolved_at IS NOT NULL) AS within_15_days,
              (SELECT avg(satisfaction)::float FROM service_delivery.service_request) AS satisfaction,
              (SELECT md5(string_agg(id::text || status || submitted_at::text, ',' ORDER BY id)) FROM service_delivery.service_request) AS request_checksum,
              (SELECT md5(string_agg(community_code || kind || capacity, ',' ORDER BY community_code, name)) FROM service_delivery.service_facility) AS facility_checksum`,
      [referenceDate],
    );
    const { rows: prefectures } = await reader.query(
      `SELECT p.prefecture, p.population, (SELECT count(*) FROM service_delivery.service_facility f WHERE left(f.community_code, 4) = p.prefecture)::float AS facilities
       FROM (SELECT left(code, 4) AS prefecture, sum(population)::float AS population FROM governance.community GROUP BY 1) p`,
    );
    const { rows: months } = await reader.query(
      `SELECT extract(month FROM submitted_at)::int AS month, count(*)::int AS n FROM service_delivery.service_request
       WHERE submitted_at >= $1::timestamptz - interval '3 years' GROUP BY 1 ORDER BY 1`,
      [referenceDate],
    );
    return { ...rows[0], prefectures, months, messages };
  } finally {
    await reader.end();
  }
}

describe('seedServiceDelivery', () => {
  it('writes facilities, requests with their transitions, and investment for every community of the demo scale', async () => {
    const summary = await seedAndSummarise(7);
    expect(summary.communities).toBe(336);
    expect(summary.offerings).toBe(16);
    expect(summary.with_centre).toBe(336);
    expect(summary.facilities).toBeGreaterThan(336 * 5);
    expect(summary.requests).toBeGreaterThan(10_000);
    expect(summary.transitions).toBeGreaterThan(summary.requests * 3);
    expect(summary.investments).toBeGreaterThan(336 * 4);
    expect(summary.future_requests).toBe(0);
    expect(summary.out_of_order).toBe(0);
    expect(summary.untracked).toBe(0);
    expect(summary.within_15_days).toBeGreaterThan(0.6);
    expect(summary.within_15_days).toBeLessThan(0.98);
    expect(summary.satisfaction).toBeGreaterThan(3);
    expect(summary.satisfaction).toBeLessThan(5);
    expect(summary.messages.at(-1)).toBe('service delivery: 336/336 communities');
  });

  it('gives Lanzhou more facilities per resident than Linxia, and winter more requests than spring', async () => {
    const summary = await seedAndSummarise(7);
    const perResident = (prefecture: string) => {
      const row = summary.prefectures.find((candidate: { prefecture: string }) => candidate.prefecture === prefecture);
      return row.facilities / row.population;
    };
    expect(perResident('6201')).toBeGreaterThan(perResident('6229') * 1.5);
    const byMonth = new Map(summary.months.map((row: { month: number; n: number }) => [row.month, row.n]));
    expect(Number(byMonth.get(12)) + Number(byMonth.get(1))).toBeGreaterThan((Number(byMonth.get(4)) + Number(byMonth.get(5))) * 1.3);
  });

  it('writes the same rows for the same seed, and different ones for another', async () => {
    const first = await seedAndSummarise(11);
    const again = await seedAndSummarise(11);
    const other = await seedAndSummarise(12);
    expect(again.request_checksum).toBe(first.request_checksum);
    expect(again.facility_checksum).toBe(first.facility_checksum);
    expect(other.request_checksum).not.toBe(first.request_checksum);
  });
});
