import { createTestDatabase, type TestDatabase } from '@shequ/database/testing';
import type { DataSource } from 'typeorm';
import { createServiceDataSource } from '../database/data-source';
import type { StatementCounter } from '../database/statement-counter';
import { createLogger } from '../logging/logger';
import { queryOverScopes, type ScopeRow } from './scope-statements';
import { SCOPES, scopeParameters, withinScope } from './scopes';

let database: TestDatabase;
let dataSource: DataSource;
let counter: StatementCounter;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ dataSource, counter } = createServiceDataSource({ url: database.url, schema: 'scope_probe', entities: [], migrations: [], logger: createLogger('probe', 'silent') }));
  await dataSource.initialize();
  await dataSource.query('CREATE SCHEMA scope_probe');
  await dataSource.query('CREATE TABLE scope_probe.fact (community_code text NOT NULL, amount numeric NOT NULL, kind text)');
  await dataSource.query(
    `INSERT INTO scope_probe.fact
     SELECT (ARRAY['620102001001', '620102001002', '620103001001', '620201001001'])[1 + i % 4], i * 1.25 + 9007199254740, CASE WHEN i % 3 = 0 THEN NULL ELSE 'k' || (i % 2) END
     FROM generate_series(1, 200) AS i`,
  );
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

const STATEMENTS = [
  `SELECT scope.code, sum(f.amount) AS total, count(*) AS facts FROM ${SCOPES} JOIN scope_probe.fact f ON ${withinScope('f.community_code')} GROUP BY scope.code`,
  `SELECT scope.code, f.kind, count(*)::int AS facts FROM ${SCOPES} JOIN scope_probe.fact f ON ${withinScope('f.community_code')} GROUP BY scope.code, f.kind`,
  `SELECT scope.code, max(f.amount) FILTER (WHERE f.kind = 'none') AS never FROM ${SCOPES} LEFT JOIN scope_probe.fact f ON ${withinScope('f.community_code')} GROUP BY scope.code`,
];

/** Each statement's rows on its own, its values as numbers where they are numbers, in one order. */
async function oneByOne(codes: string[]): Promise<ScopeRow[][]> {
  const parameters = scopeParameters(codes);
  return Promise.all(STATEMENTS.map(async (statement) => sorted((await dataSource.query(statement, parameters)) as ScopeRow[])));
}

function sorted(rows: ScopeRow[]): ScopeRow[] {
  const numeric = (value: unknown) => (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value);
  return rows
    .map((row) => Object.fromEntries(Object.entries(row).map(([name, value]) => [name, numeric(value)])))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

async function counted(codes: string[]): Promise<{ rows: ScopeRow[][]; statements: number }> {
  const before = counter.statements;
  const rows = await queryOverScopes(dataSource, STATEMENTS, scopeParameters(codes));
  return { rows: rows.map(sorted), statements: counter.statements - before };
}

describe('queryOverScopes', () => {
  it('sends a batch of communities as one statement, with the rows each statement gives alone', async () => {
    const codes = ['620102001001', '620102001002', '620201001001', '620999001001'];
    const together = await counted(codes);
    expect(together.statements).toBe(1);
    expect(together.rows).toEqual(await oneByOne(codes));
    // Something to compare: each statement answered rows (a kind or none for each community with facts), nulls among them.
    expect(together.rows.map((rows) => rows.length)).toEqual([3, 6, 4]);
    expect(together.rows[2].every((row) => row.never === null)).toBe(true);
  });

  it('sends a batch with a region one statement each, side by side', async () => {
    const codes = ['6201', '620102001001', '62'];
    const apart = await counted(codes);
    expect(apart.statements).toBe(STATEMENTS.length);
    expect(apart.rows).toEqual(await oneByOne(codes));
  });
});
