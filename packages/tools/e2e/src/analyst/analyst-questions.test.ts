import ExcelJS from 'exceljs';
import { useClock } from '@shequ/kit';
import { graphqlRequest, testToken } from '@shequ/kit/testing';
import { startGraph, type Graph } from '../graph-harness';
import { insertAnalystFixture } from './analyst-fixture';

/*
 * The analysts' day-one questions, each one operation through the gateway,
 * with all four departments and the statistics store running on the
 * analysts' fixture (see analyst-fixture.ts for every figure by hand). The
 * clock is fixed at noon on 20 December 2025 in China, so "this year" is
 * 2025 and "the last 12 months" are January to December 2025.
 */

let graph: Graph;
const admin = testToken({ sub: 'statistics-admin', roles: ['admin'], jurisdiction: '620000' });
const analyst = testToken({ sub: 'province-analyst', roles: ['analyst'], jurisdiction: '620000' });
const jiayuguanAnalyst = testToken({ sub: 'jiayuguan-analyst', roles: ['analyst'], jurisdiction: '620200' });

async function refresh(full = true) {
  const { data, errors } = await graphqlRequest(graph.gateway.url, `mutation { refreshStatistics(full: ${full}) { rowsWritten monthsCollected finishedAt } }`, { token: admin });
  expect(errors).toBeUndefined();
  return data.refreshStatistics;
}

beforeAll(async () => {
  useClock(new Date('2025-12-20T04:00:00Z'));
  graph = await startGraph({
    departmentFixtures: false,
    prepare: (subgraphs) =>
      insertAnalystFixture({
        governance: subgraphs.governance.dataSource,
        serviceDelivery: subgraphs['service-delivery'].dataSource,
        volunteers: subgraphs.volunteers.dataSource,
        publicSafety: subgraphs['public-safety'].dataSource,
      }),
  });
  await refresh();
});
afterAll(async () => {
  await graph.stop();
  useClock(null);
});

interface Row {
  rank: number;
  code: string;
  name: string;
  values: { indicator: string; value: number | null; samePeriodLastYear: number | null; changeFromSamePeriodLastYear: number | null; previousPeriod: number | null }[];
}

async function table(input: string, options: { first?: number; token?: string } = {}) {
  const response = await graphqlRequest(
    graph.gateway.url,
    `{ indicatorTable(input: ${input}, first: ${options.first ?? 100}) {
        asOf totalCount period { kind label first last } samePeriodLastYear { label }
        edges { node { rank code name values { indicator value previousPeriod samePeriodLastYear changeFromSamePeriodLastYear } } } } }`,
    { token: options.token ?? analyst },
  );
  const rows: Row[] = response.data?.indicatorTable?.edges.map((edge: { node: Row }) => edge.node) ?? [];
  return { ...response, table: response.data?.indicatorTable, rows };
}

const valueOf = (row: Row, indicator: string) => row.values.find((value) => value.indicator === indicator)?.value ?? null;

describe('the analysts’ questions, each in one operation', () => {
  it('ranks the prefectures by mediation agreement rate, lowest first, recomputed from their cases', async () => {
    const { errors, rows, table: answer } = await table(`{ level: PREFECTURE, indicators: [MEDIATION_AGREEMENT_RATE, MEDIATION_CASES_CLOSED], sort: { indicator: MEDIATION_AGREEMENT_RATE, order: ASC }, period: { year: 2025 } }`);
    expect(errors).toBeUndefined();
    expect(answer.period).toEqual({ kind: 'YEAR', label: '2025', first: '2025-01-01', last: '2025-12-31' });
    expect(answer.asOf).not.toBeNull();
    expect(rows.map((row) => [row.rank, row.code])).toEqual([
      [1, '620300'],
      [2, '620100'],
      [3, '620200'],
    ]);
    // Jinchang: 1 agreement in 3 closed cases, not the 0.25 its two communities' rates average.
    expect(valueOf(rows[0], 'MEDIATION_AGREEMENT_RATE')).toBeCloseTo(1 / 3, 10);
    expect(valueOf(rows[0], 'MEDIATION_CASES_CLOSED')).toBe(3);
    expect(valueOf(rows[1], 'MEDIATION_AGREEMENT_RATE')).toBeCloseTo(2 / 3, 10);
    expect(valueOf(rows[2], 'MEDIATION_AGREEMENT_RATE')).toBe(1);
  });

  it("ranks one prefecture's counties by the share of requests resolved within 15 days", async () => {
    const { errors, rows } = await table(`{ level: COUNTY, within: ["620100"], indicators: [RESOLVED_WITHIN_15_DAYS_RATE, REQUESTS_RESOLVED], sort: { indicator: RESOLVED_WITHIN_15_DAYS_RATE, order: DESC }, period: { year: 2025 } }`);
    expect(errors).toBeUndefined();
    expect(rows.map((row) => row.code)).toEqual(['620102', '620103']);
    // 3 of 4, where its communities' own rates (0.5, 1, 1) average 0.833
    expect(valueOf(rows[0], 'RESOLVED_WITHIN_15_DAYS_RATE')).toBe(0.75);
    expect(valueOf(rows[0], 'REQUESTS_RESOLVED')).toBe(4);
    expect(valueOf(rows[1], 'RESOLVED_WITHIN_15_DAYS_RATE')).toBe(0.5);
  });

  it("lists one tier's communities of a prefecture that missed a safety target this year", async () => {
    const ask = (tier: string) => table(`{ level: COMMUNITY, within: ["620100"], tiers: [${tier}], indicators: [SAFETY_TARGETS_MISSED, POLICE_LIAISON_COVERAGE, MEDIATION_AGREEMENT_RATE], where: [{ indicator: SAFETY_TARGETS_MISSED, gt: 0 }], period: { year: 2025 } }`);
    const standard = await ask('STANDARD');
    expect(standard.errors).toBeUndefined();
    // 团结社区 has no police liaison; the other STANDARD communities meet every safety target they have a figure for.
    expect(standard.rows.map((row) => row.code)).toEqual(['620102002002']);
    expect(valueOf(standard.rows[0], 'SAFETY_TARGETS_MISSED')).toBe(1);
    expect(valueOf(standard.rows[0], 'POLICE_LIAISON_COVERAGE')).toBe(0);
    const advanced = await ask('ADVANCED');
    // 幸福社区 agreed 1 of 2 mediations, short of the ADVANCED target of 0.9.
    expect(advanced.rows.map((row) => row.code)).toEqual(['620102001001']);
    expect(valueOf(advanced.rows[0], 'MEDIATION_AGREEMENT_RATE')).toBe(0.5);
  });

  it('finds the ten communities with the most confirmed volunteer hours per resident across several prefectures', async () => {
    const { errors, rows, table: answer } = await table(
      `{ level: COMMUNITY, within: ["620100", "620200", "620300"], indicators: [CONFIRMED_HOURS_PER_1000_RESIDENTS, CONFIRMED_HOURS], sort: { indicator: CONFIRMED_HOURS_PER_1000_RESIDENTS, order: DESC }, period: { year: 2025 } }`,
      { first: 10 },
    );
    expect(errors).toBeUndefined();
    expect(answer.totalCount).toBe(9);
    expect(rows.slice(0, 4).map((row) => [row.code, valueOf(row, 'CONFIRMED_HOURS'), valueOf(row, 'CONFIRMED_HOURS_PER_1000_RESIDENTS')])).toEqual([
      ['620201001001', 60, 20],
      ['620302001002', 15, 15],
      ['620102001001', 50, 10],
      ['620103001001', 40, 5],
    ]);
    // the communities without hours follow, ties by code
    const rest = rows.slice(4).map((row) => row.code);
    expect(rest).toEqual([...rest].sort());
  });

  it("filters a prefecture's communities on two departments' figures at once", async () => {
    const { errors, rows } = await table(
      `{ level: COMMUNITY, within: ["620100"], indicators: [INCIDENTS_PER_1000_RESIDENTS, RESOLVED_WITHIN_15_DAYS_RATE],
         where: [{ indicator: INCIDENTS_PER_1000_RESIDENTS, gt: 0.2 }, { indicator: RESOLVED_WITHIN_15_DAYS_RATE, lt: 0.9 }], period: { year: 2025 } }`,
    );
    expect(errors).toBeUndefined();
    // 和平社区 passes the first (0.25) but resolved its one request in 3 days; 西园社区 passes the second (0.5) with 0.125 incidents per 1,000.
    expect(rows.map((row) => [row.code, valueOf(row, 'INCIDENTS_PER_1000_RESIDENTS'), valueOf(row, 'RESOLVED_WITHIN_15_DAYS_RATE')])).toEqual([['620102001001', 0.6, 0.5]]);
  });

  it('compares incidents of the last 12 months with the 12 before, by prefecture, cut in China time', async () => {
    const { errors, rows, table: answer } = await table(`{ level: PREFECTURE, indicators: [INCIDENTS], compare: [PREVIOUS_PERIOD, SAME_PERIOD_LAST_YEAR] }`);
    expect(errors).toBeUndefined();
    expect(answer.period).toMatchObject({ kind: 'TWELVE_MONTHS', first: '2025-01-01', last: '2025-12-31' });
    const byCode = Object.fromEntries(rows.map((row) => [row.code, row.values[0]]));
    expect(byCode['620100']).toMatchObject({ value: 5, samePeriodLastYear: 1, changeFromSamePeriodLastYear: 4, previousPeriod: 1 });
    expect(byCode['620200']).toMatchObject({ value: 1, samePeriodLastYear: 2, changeFromSamePeriodLastYear: -1 });
    // 00:30 on 1 January 2025 in China counts in 2025, 23:30 on 31 December 2024 in 2024
    expect(byCode['620300']).toMatchObject({ value: 4, samePeriodLastYear: 1, changeFromSamePeriodLastYear: 3 });
    const january = await table(`{ level: PREFECTURE, within: ["620300"], indicators: [INCIDENTS], period: { month: "2025-01" } }`);
    expect(valueOf(january.rows[0], 'INCIDENTS')).toBe(1);
  });
});

describe('export', () => {
  const INPUT = { level: 'COMMUNITY', within: ['620100'], indicators: ['INCIDENTS', 'RESOLVED_WITHIN_15_DAYS_RATE'], period: { year: 2025 } };

  async function exported(format: 'csv' | 'xlsx', token = analyst) {
    return fetch(new URL('/export', graph.gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ format, language: 'zh', input: INPUT }),
    });
  }

  /** The same table through /graphql: code → [name, incidents, rate]. */
  async function expected() {
    const { rows } = await table(`{ level: COMMUNITY, within: ["620100"], indicators: [INCIDENTS, RESOLVED_WITHIN_15_DAYS_RATE], period: { year: 2025 } }`);
    expect(rows).toHaveLength(6);
    return rows.map((row) => [row.code, row.name, valueOf(row, 'INCIDENTS'), valueOf(row, 'RESOLVED_WITHIN_15_DAYS_RATE')]);
  }

  it("gives a prefecture's communities as CSV (UTF-8 with a byte-order mark) with the table's figures", async () => {
    const response = await exported('csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('.csv');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(header.split(',').slice(0, 2)).toEqual(['代码', '名称']);
    // levels and tiers by their Chinese names, as enumLabels gives them
    expect(lines.map((line) => line.split(',').slice(2, 4))).toContainEqual(['社区', '示范型']);
    const parsed = lines.map((line) => {
      const cells = line.split(',');
      const number = (cell: string) => (cell === '' ? null : Number(cell));
      return [cells[0], cells[1], number(cells[4]), number(cells[5])];
    });
    expect(parsed).toEqual(await expected());
  });

  it('gives the same as XLSX', async () => {
    const response = await exported('xlsx');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const parsed: unknown[][] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) {
        const cell = (index: number) => {
          const value = row.getCell(index).value;
          return value === null || value === undefined || value === '' ? null : value;
        };
        parsed.push([cell(1), cell(2), cell(5), cell(6)]);
      }
    });
    expect(parsed).toEqual(await expected());
  });
});

describe('the store and its rules', () => {
  it('leaves the same store after two refreshes at once as after one', async () => {
    const everything = `{ level: COMMUNITY, indicators: [INCIDENTS, MEDIATION_AGREEMENT_RATE, RESOLVED_WITHIN_15_DAYS_RATE, MEDIAN_DAYS_TO_RESOLVE, CONFIRMED_HOURS, POLICE_LIAISON_COVERAGE, ASSESSMENT_SCORE], period: { year: 2025 } }`;
    const before = (await table(everything)).rows;
    const [first, second] = await Promise.all([refresh(true), refresh(true)]);
    expect(first.finishedAt).not.toBeNull();
    expect(second.finishedAt).not.toBeNull();
    expect((await table(everything)).rows).toEqual(before);
  });

  it('refuses an analyst of one prefecture a restricted indicator of another, in the table and in an export', async () => {
    const { errors } = await table(`{ level: COMMUNITY, within: ["620100"], indicators: [SUPERVISED_PERSONS] }`, { token: jiayuguanAnalyst });
    expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', indicator: 'SUPERVISED_PERSONS' });
    expect(errors?.[0].message).toContain('SUPERVISED_PERSONS');
    const response = await fetch(new URL('/export', graph.gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${jiayuguanAnalyst}` },
      body: JSON.stringify({ format: 'csv', input: { level: 'COMMUNITY', within: ['620100'], indicators: ['SUPERVISED_PERSONS'] } }),
    });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    // within its own prefecture the same analyst may
    const own = await table(`{ level: COMMUNITY, within: ["620200"], indicators: [SUPERVISED_PERSONS] }`, { token: jiayuguanAnalyst });
    expect(own.errors).toBeUndefined();
  });

  it('answers NOT_FOUND for a region code nobody has, naming it', async () => {
    const { errors } = await table(`{ level: COMMUNITY, within: ["629900"], indicators: [INCIDENTS] }`);
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(errors?.[0].message).toContain('629900');
  });
});
