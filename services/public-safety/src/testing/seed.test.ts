import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@shequ/database/testing';
import { communityOwner, migrateSubgraphs, SCALES, seedDepartmentAfresh } from '@shequ/kit/testing';
import { publicSafetySubgraph } from '../subgraph';
import { seedPublicSafety } from './seed';

const owner = communityOwner();
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrateSubgraphs(database.url, [owner.subgraph({}), publicSafetySubgraph]);
});
afterAll(() => database.drop());

const referenceDate = new Date(Date.UTC(2026, 10, 29));
const TABLES = ['police_liaison', 'patrol', 'safety_group', 'safety_incident', 'mediation_case', 'legal_service', 'inspection_hazard', 'inspection', 'supervised_person', 'community_month_count'];

async function seedAndSummarise(seed: number) {
  const messages = await seedDepartmentAfresh(database.url, { name: 'public-safety', tables: TABLES, seeder: seedPublicSafety }, { seed, referenceDate });
  const reader = new Client({ connectionString: database.url });
  await reader.connect();
  try {
    const { rows } = await reader.query(`
      SELECT (SELECT count(*)::int FROM governance.community) AS communities,
             (SELECT sum(population)::int FROM governance.community) AS population,
             (SELECT count(*)::int FROM public_safety.police_liaison WHERE until IS NULL) AS current_liaisons,
             (SELECT count(DISTINCT community_code)::int FROM public_safety.police_liaison WHERE until IS NULL) AS communities_with_liaison,
             (SELECT count(*)::int FROM public_safety.safety_incident WHERE occurred_at >= $1::timestamptz - interval '12 months') AS incidents_12m,
             (SELECT count(*)::int FROM public_safety.mediation_case) AS mediations,
             (SELECT avg((outcome = 'AGREEMENT_REACHED')::int)::float FROM public_safety.mediation_case WHERE outcome IS NOT NULL) AS agreement_rate,
             (SELECT count(*)::int FROM public_safety.patrol) AS patrols,
             (SELECT count(*)::int FROM public_safety.inspection) AS inspections,
             (SELECT avg((fixed_on IS NOT NULL)::int)::float FROM public_safety.inspection_hazard) AS fixed_share,
             (SELECT count(*)::int FROM public_safety.supervised_person) AS supervised,
             (SELECT count(*)::int FROM public_safety.community_month_count) AS months,
             (SELECT count(*)::int FROM public_safety.safety_incident WHERE occurred_at > $1::timestamptz + interval '1 day') AS future_incidents,
             (SELECT md5(string_agg(community_code || category || occurred_at::text, ',' ORDER BY community_code, occurred_at, category)) FROM public_safety.safety_incident) AS incident_checksum,
             (SELECT md5(string_agg(community_code || full_name || id_number, ',' ORDER BY community_code, id_number)) FROM public_safety.supervised_person) AS person_checksum`,
      [referenceDate],
    );
    return { ...rows[0], messages };
  } finally {
    await reader.end();
  }
}

describe('seedPublicSafety', () => {
  it('writes every community realistic proportions, the same for the same seed', async () => {
    const first = await seedAndSummarise(7);
    expect(first.communities).toBe(SCALES.demo.communities);
    expect(first.current_liaisons).toBe(first.communities_with_liaison);
    expect(first.communities_with_liaison / first.communities).toBeGreaterThan(0.85);
    expect(first.communities_with_liaison / first.communities).toBeLessThan(0.98);
    const incidentsPer1000 = (first.incidents_12m * 1000) / first.population;
    expect(incidentsPer1000).toBeGreaterThan(1);
    expect(incidentsPer1000).toBeLessThan(2.5);
    expect(first.agreement_rate).toBeGreaterThan(0.75);
    expect(first.agreement_rate).toBeLessThan(0.95);
    expect(first.fixed_share).toBeGreaterThan(0.6);
    expect(first.months).toBe(first.communities * 12);
    expect(first.patrols).toBeGreaterThan(first.communities * 5);
    expect(first.supervised).toBeGreaterThan(0);
    expect(first.future_incidents).toBe(0);
    expect(first.messages.at(-1)).toBe(`public safety: ${first.communities}/${first.communities} communities`);
    const again = await seedAndSummarise(7);
    expect({ ...again, messages: [] }).toEqual({ ...first, messages: [] });
    const other = await seedAndSummarise(8);
    expect(other.incident_checksum).not.toBe(first.incident_checksum);
  });
});
