import type { DataSource } from 'typeorm';
import { codeWithinPrefix } from '../codes/code-range';
import { createRegionMembers, membersOverScopes, type RegionMembers } from './region-members';
import { factsThroughTriggers, type FactsThroughTriggers } from '../testing/facts-through-triggers';

const serving: RegionMembers = { schema: 'facts', table: 'serving_region', source: 'serving', member: { column: 'organization', type: 'integer' } };
const current: RegionMembers = { schema: 'facts', table: 'current_region', source: 'serving', member: { column: 'community_code', type: 'text' }, filter: 'until IS NULL' };

const SCOPES = ['62', '6201', '620102', '620102001', '620102001001', '620102002003', '6202', '620999'];
const COMMUNITIES = ['620102001001', '620102001002', '620102002003', '620103001001', '620201001001'];

let facts: FactsThroughTriggers;
let dataSource: DataSource;

beforeAll(async () => {
  facts = await factsThroughTriggers({
    table: `CREATE TABLE facts.serving (id serial PRIMARY KEY, community_code text NOT NULL, organization integer NOT NULL, until date)`,
    insert: insertFacts,
    counts: [30, 300],
    maintain: async (runner) => {
      await createRegionMembers(runner, serving);
      await createRegionMembers(runner, current);
    },
    changes: [
      `UPDATE facts.serving SET until = current_date WHERE id % 7 = 0`,
      `UPDATE facts.serving SET community_code = '620201001001' WHERE id % 11 = 0`,
      `DELETE FROM facts.serving WHERE id % 13 = 0`,
    ],
  });
  dataSource = facts.dataSource;
});

afterAll(async () => {
  await facts?.drop();
});

/** Facts linking the five communities to 40 members, often the same member to several communities. */
async function insertFacts(into: DataSource, count: number, seed: number): Promise<void> {
  await into.query(
    `INSERT INTO facts.serving (community_code, organization, until)
     SELECT ($1::text[])[1 + (i * 7 + $2) % 5], (i * 13 + $2) % 40, CASE WHEN i % 5 = 0 THEN current_date - 3 END
     FROM generate_series(1, $3) AS i`,
    [COMMUNITIES, seed, count],
  );
}

async function viaMembers(members: RegionMembers, scopes: string[] = SCOPES): Promise<Record<string, string[]>> {
  const rows: { code: string; member: string | number }[] = await dataSource.query(
    `SELECT code, member::text FROM (${membersOverScopes(members, scopes)}) members ORDER BY code, member::text`,
    [scopes, scopes],
  );
  return grouped(rows);
}

async function directly(members: RegionMembers, scopes: string[] = SCOPES): Promise<Record<string, string[]>> {
  const rows: { code: string; member: string }[] = await dataSource.query(
    `SELECT DISTINCT scope.code, f.${members.member.column}::text AS member
     FROM unnest($1::text[]) AS scope(code)
     JOIN facts.serving f ON ${codeWithinPrefix('f.community_code', 'scope.code')} ${members.filter ? `AND ${members.filter}` : ''}
     ORDER BY 1, 2`,
    [scopes],
  );
  return grouped(rows);
}

function grouped(rows: { code: string; member: string | number }[]): Record<string, string[]> {
  const byCode: Record<string, string[]> = {};
  for (const row of rows) {
    (byCode[row.code] ??= []).push(String(row.member));
  }
  return byCode;
}

describe('distinct members per region level', () => {
  it.each([
    ['every fact', serving],
    ['facts that pass a filter', current],
  ])('%s: every scope has the distinct members of its facts, through inserts, updates and deletes', async (_name, members) => {
    const expected = await directly(members);
    expect(Object.keys(expected).length).toBeGreaterThan(5);
    expect(await viaMembers(members)).toEqual(expected);
  });

  it('gives the same for a batch of only regions, or only communities', async () => {
    // Members serving several communities count once in their region.
    const byCommunity = await viaMembers(serving, COMMUNITIES);
    expect((await viaMembers(serving, ['62']))['62'].length).toBeLessThan(COMMUNITIES.reduce((sum, code) => sum + (byCommunity[code]?.length ?? 0), 0));
    for (const scopes of [SCOPES.filter((scope) => scope.length < 12), SCOPES.filter((scope) => scope.length === 12), ['62']]) {
      expect(await viaMembers(serving, scopes)).toEqual(await directly(serving, scopes));
    }
  });

  it("reads a region's members from its own rows, not from the facts or other levels", async () => {
    await dataSource.query(`ALTER TABLE facts.serving DISABLE TRIGGER USER`);
    await dataSource.query(`INSERT INTO facts.serving_region (region_prefix, member, facts) VALUES ('6201', 9999, 1)`);
    const members = await viaMembers(serving);
    await dataSource.query(`DELETE FROM facts.serving_region WHERE member = 9999`);
    await dataSource.query(`ALTER TABLE facts.serving ENABLE TRIGGER USER`);
    expect(members['6201']).toContain('9999');
    for (const scope of ['62', '620102', '620102001001']) {
      expect(members[scope]).not.toContain('9999');
    }
  });
});
