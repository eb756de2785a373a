import { graphqlRequest, testToken } from '@shequ/kit/testing';
import { startGraph, type Graph } from '../graph-harness';

/*
 * An export longer than a page (1,000 rows): county 620201 with governance's
 * fixture community, 899 numbered ones in its street 620201001 and 200 in a
 * second street, exported page after page, every row once and each with its
 * own figure; and one export at a time per caller.
 */

let graph: Graph;
const admin = testToken({ sub: 'pages-admin', roles: ['admin'], jurisdiction: '620000' });
const analyst = testToken({ sub: 'pages-analyst', roles: ['analyst'], jurisdiction: '620000' });
const NUMBERED = 899;
const SECOND_STREET = 200;

beforeAll(async () => {
  graph = await startGraph({
    extraCommunities: NUMBERED,
    prepare: async ({ governance }) => {
      await governance.dataSource.query(`INSERT INTO governance.region (code, name, level, parent_code, population, households, synthetic) VALUES ('620201002', '第二街道', 'STREET', '620201', 0, 0, true)`);
      await governance.dataSource.query(
        `INSERT INTO governance.community (code, name, street_code, population, households, tier, synthetic)
         SELECT '620201002' || lpad(n::text, 3, '0'), '第二街道社区' || n, '620201002', 5000 + n, 100, 'ADVANCED', true FROM generate_series(1, $1::integer) AS n`,
        [SECOND_STREET],
      );
    },
  });
  const { errors } = await graphqlRequest(graph.gateway.url, `mutation { refreshStatistics(full: true) { finishedAt } }`, { token: admin });
  expect(errors).toBeUndefined();
});
afterAll(() => graph.stop());

function exportOf(token: string, indicators = ['POPULATION']) {
  return fetch(new URL('/export', graph.gateway.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ format: 'csv', language: 'en', input: { level: 'COMMUNITY', within: ['620201'], indicators } }),
  });
}

describe('an export of more rows than a page', () => {
  it('writes every community of the street once, with its own population, in code order', async () => {
    const response = await exportOf(analyst);
    expect(response.status).toBe(200);
    const [header, ...lines] = (await response.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(header.startsWith('Code,Name,Level,Tier,')).toBe(true);
    expect(lines).toHaveLength(1 + NUMBERED + SECOND_STREET);
    const rows = lines.map((line) => line.split(','));
    const codes = rows.map((cells) => cells[0]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
    // 新华社区 3,000 residents; numbered community n of the first street 1,000 + n, of the second 5,000 + n
    const expected = (code: string) => (code === '620201001001' ? 3000 : code.startsWith('620201001') ? 1000 + Number(code.slice(9)) - 100 : 5000 + Number(code.slice(9)));
    expect(rows.map((cells) => Number(cells[4]))).toEqual(codes.map(expected));
  });

  it('lets one caller write one export at a time', async () => {
    const { data } = await graphqlRequest(graph.gateway.url, '{ indicators { id restricted } }');
    const every = data.indicators.filter((indicator: { restricted: boolean }) => !indicator.restricted).map((indicator: { id: string }) => indicator.id);
    const first = await exportOf(analyst, every);
    expect(first.status).toBe(200);
    // Hundreds of kilobytes, more than the sockets hold: the export waits for its unread body and is still being written.
    const second = await exportOf(analyst);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('1');
    await first.text();
    const third = await exportOf(analyst);
    expect(third.status).toBe(200);
    await third.text();
  });
});
