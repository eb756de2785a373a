import { addMonths, chinaMidnight, chinaToday, useClock } from '@shequ/kit';
import { blockValues, figureBlock, figureMonths, figurePage, graphqlRequest, startTestSubgraph, testToken, valuesByCommunity, wholeFeed, type TestSubgraph } from '@shequ/kit/testing';
import { serviceDeliverySubgraph } from '../subgraph';
import { insertServiceDeliveryFixture } from '../testing/fixture';

let subgraph: TestSubgraph;
const analyst = testToken();

/*
 * Dated facts in fixed months besides the fixture's (which are dated from now):
 * - A 620102001001 submitted 1 March 2023 00:30 China, resolved 3 days later, rated 4;
 * - B 620102001001 submitted 10 March, resolved 20 days later, unrated;
 * - C 620102001002 submitted 1 April 2023 00:00 China (31 March 16:00 UTC), still open;
 * - D 620103001001 submitted 20 February 2023 08:00 China, resolved 31 March 23:59:59 China (39.67 days), rated 2;
 * - 7,000.50 yuan invested in 620102002001, recorded 15 March 2023.
 */
async function insertDatedFacts(): Promise<void> {
  await subgraph.dataSource.query(`
    INSERT INTO service_delivery.service_request (community_code, service_code, description, channel, status, submitter_sub, idempotency_key, submitted_at, resolved_at, satisfaction)
    VALUES ('620102001001', 'REPAIR', 'A', 'APP', 'CLOSED', 'dated', 'A', '2023-02-28T16:30:00Z', '2023-03-03T16:30:00Z', 4),
           ('620102001001', 'REPAIR', 'B', 'APP', 'RESOLVED', 'dated', 'B', '2023-03-10T02:00:00Z', '2023-03-30T02:00:00Z', NULL),
           ('620102001002', 'REPAIR', 'C', 'APP', 'SUBMITTED', 'dated', 'C', '2023-03-31T16:00:00Z', NULL, NULL),
           ('620103001001', 'REPAIR', 'D', 'APP', 'RESOLVED', 'dated', 'D', '2023-02-20T00:00:00Z', '2023-03-31T15:59:59Z', 2)`);
  await subgraph.dataSource.query(`
    INSERT INTO service_delivery.service_investment (community_code, year, source, amount, recorded_at) VALUES ('620102002001', 2023, 'STATE', 7000.50, '2023-03-15T00:00:00Z')`);
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(serviceDeliverySubgraph);
  await insertServiceDeliveryFixture(subgraph.dataSource);
  await insertDatedFacts();
});

afterAll(() => subgraph.stop());

describe('serviceDeliveryFigures', () => {
  it("gives a month's flows and samples as computed by hand", async () => {
    const march = await wholeFeed(subgraph.url, 'serviceDelivery', '2023-03', analyst);
    expect(march.measures).toEqual(['requests_submitted', 'requests_resolved', 'requests_resolved_within_15_days', 'satisfaction_sum', 'satisfaction_count', 'investment_yuan']);
    expect(valuesByCommunity(march)).toEqual({
      // A and B submitted and resolved; only A within 15 days and rated
      '620102001001': { requests_submitted: 2, requests_resolved: 2, requests_resolved_within_15_days: 1, satisfaction_sum: 4, satisfaction_count: 1, investment_yuan: 0 },
      '620102002001': { requests_submitted: 0, requests_resolved: 0, requests_resolved_within_15_days: 0, satisfaction_sum: 0, satisfaction_count: 0, investment_yuan: 7000.5 },
      // D, submitted in February, resolved in the last second of March in China
      '620103001001': { requests_submitted: 0, requests_resolved: 1, requests_resolved_within_15_days: 0, satisfaction_sum: 2, satisfaction_count: 1, investment_yuan: 0 },
    });
    expect(march.samples).toEqual([
      { communityCode: '620102001001', measure: 'days_to_resolve', value: 3, count: 1 },
      { communityCode: '620102001001', measure: 'days_to_resolve', value: 20, count: 1 },
      { communityCode: '620103001001', measure: 'days_to_resolve', value: 39.7, count: 1 },
    ]);
    expect(march.members).toEqual([]);
    // C was submitted at China midnight on 1 April; D on 20 February
    expect(valuesByCommunity(await wholeFeed(subgraph.url, 'serviceDelivery', '2023-04', analyst))).toEqual({
      '620102001002': { requests_submitted: 1, requests_resolved: 0, requests_resolved_within_15_days: 0, satisfaction_sum: 0, satisfaction_count: 0, investment_yuan: 0 },
    });
    expect(Object.keys(valuesByCommunity(await wholeFeed(subgraph.url, 'serviceDelivery', '2023-02', analyst)))).toEqual(['620103001001']);
    expect((await wholeFeed(subgraph.url, 'serviceDelivery', '2022-12', analyst)).rows).toEqual([]);
  });

  it('gives the stocks as of now', async () => {
    const stocks = await wholeFeed(subgraph.url, 'serviceDelivery', undefined, analyst);
    expect(stocks.measures).toEqual(['facilities', 'welfare_facilities', 'open_requests']);
    // facilities not closed (welfare: elderly care, disability, child welfare); open: submitted, accepted, in progress
    expect(valuesByCommunity(stocks)).toEqual({
      '620102001001': { facilities: 3, welfare_facilities: 2, open_requests: 2 },
      '620102001002': { facilities: 2, welfare_facilities: 1, open_requests: 2 },
      '620102002001': { facilities: 2, welfare_facilities: 1, open_requests: 0 },
      '620103001001': { facilities: 1, welfare_facilities: 1, open_requests: 0 },
      '620201001001': { facilities: 1, welfare_facilities: 0, open_requests: 1 },
    });
    expect(stocks.samples).toEqual([]);
  });

  it("lists the months with flows, whose rows add up to every request, and whose twelve add up to the department's last 12 months", async () => {
    // End of the current China month: the last 12 months are then exactly the feed's last 12 months.
    const firstOfMonth = `${chinaToday().slice(0, 7)}-01`;
    useClock(new Date(chinaMidnight(addMonths(firstOfMonth, 1)).getTime() - 1));
    try {
      const months = await figureMonths(subgraph.url, 'serviceDelivery', analyst);
      expect(months.map((month) => month.month)).toEqual([...months.map((month) => month.month)].sort());
      // Facts: February, D submitted; March, A and B submitted, A, B and D resolved (each a resolution and a sample) and the
      // investment; April, C submitted.
      expect(months.slice(0, 3).map(({ month, rows }) => ({ month, rows }))).toEqual([
        { month: '2023-02', rows: 1 },
        { month: '2023-03', rows: 9 },
        { month: '2023-04', rows: 1 },
      ]);
      const submitted = new Map<string, number>();
      const lastTwelve = months.filter((month) => month.month >= addMonths(firstOfMonth, -11).slice(0, 7));
      let total = 0;
      for (const month of months) {
        const values = valuesByCommunity(await wholeFeed(subgraph.url, 'serviceDelivery', month.month, analyst));
        for (const [code, figures] of Object.entries(values)) {
          total += figures.requests_submitted as number;
          if (lastTwelve.includes(month)) {
            submitted.set(code, (submitted.get(code) ?? 0) + (figures.requests_submitted as number));
          }
        }
      }
      expect(total).toBe(15);
      const stats = await graphqlRequest(
        subgraph.url,
        `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Community { code serviceStats { requestsLast12Months } } } }`,
        { variables: { representations: ['620102001001', '620102001002', '620103001001', '620201001001'].map((code) => ({ __typename: 'Community', code, population: 1000 })) }, asGateway: true },
      );
      const ownFigures = stats.data._entities.map((entity: { code: string; serviceStats: { requestsLast12Months: number } }) => [entity.code, entity.serviceStats.requestsLast12Months]);
      expect(ownFigures).toEqual(['620102001001', '620102001002', '620103001001', '620201001001'].map((code) => [code, submitted.get(code) ?? 0]));
      expect(ownFigures[0][1]).toBe(6);
    } finally {
      useClock(null);
    }
  });

  it('pages by community code, each community once, with each page one statement per part', async () => {
    const whole = await wholeFeed(subgraph.url, 'serviceDelivery', '2023-03', analyst, 5000);
    const onePerPage = await wholeFeed(subgraph.url, 'serviceDelivery', '2023-03', analyst, 1);
    expect(onePerPage.pages).toBe(3);
    expect(onePerPage.rows).toEqual(whole.rows);
    expect(onePerPage.samples).toEqual(whole.samples);
    const first = await figurePage(subgraph.url, 'serviceDelivery', { month: '2023-03', first: 1 }, analyst);
    expect(first.data?.page?.nextCursor).toBe('620102001001');
    expect(first.data?.page?.samples.map((sample) => sample.value)).toEqual([3, 20]);
    const second = await figurePage(subgraph.url, 'serviceDelivery', { month: '2023-03', first: 1, after: '620102001001' }, analyst);
    expect(second.data?.page?.rows.map((row) => row.communityCode)).toEqual(['620102002001']);

    const statementsOf = async (first: number) => {
      const before = subgraph.statements.statements;
      expect((await figurePage(subgraph.url, 'serviceDelivery', { month: '2023-03', first }, analyst)).errors).toBeUndefined();
      return subgraph.statements.statements - before;
    };
    expect(await statementsOf(1)).toBe(2);
    expect(await statementsOf(5000)).toBe(2);
    const before = subgraph.statements.statements;
    await figureMonths(subgraph.url, 'serviceDelivery', analyst);
    // One statement reads every month, in a transaction of its own that allows it longer: BEGIN, SET LOCAL, it, COMMIT.
    expect(subgraph.statements.statements - before).toBe(4);
  });

  it("changes a month's fingerprint when a fact of that month changes, and no other month's", async () => {
    const printOf = async () => Object.fromEntries((await figureMonths(subgraph.url, 'serviceDelivery', analyst)).map((month) => [month.month, month.fingerprint]));
    const before = await printOf();
    await subgraph.dataSource.query(`UPDATE service_delivery.service_request SET satisfaction = 5 WHERE idempotency_key = 'B'`);
    const afterMarch = await printOf();
    expect(afterMarch['2023-03']).not.toBe(before['2023-03']);
    expect({ ...afterMarch, '2023-03': null }).toEqual({ ...before, '2023-03': null });
    // An April request moved to the next day stays in April: April's print changes (a new row version), no other month's
    await subgraph.dataSource.query(`UPDATE service_delivery.service_request SET submitted_at = submitted_at + interval '1 day' WHERE idempotency_key = 'C'`);
    const nextDay = await printOf();
    expect(nextDay['2023-04']).not.toBe(afterMarch['2023-04']);
    expect({ ...nextDay, '2023-04': null }).toEqual({ ...afterMarch, '2023-04': null });
    // Moved an hour earlier, into the last hour of March in China, it changes both months and no other
    await subgraph.dataSource.query(`UPDATE service_delivery.service_request SET submitted_at = '2023-03-31T15:00:00Z' WHERE idempotency_key = 'C'`);
    const moved = await printOf();
    expect(moved['2023-03']).not.toBe(afterMarch['2023-03']);
    expect(moved['2023-04']).toBeUndefined();
    expect({ ...moved, '2023-03': null }).toEqual({ ...afterMarch, '2023-03': null, '2023-04': undefined });
    // A sample's change alone (a resolution moved by hours, same bucket month) changes its month
    await subgraph.dataSource.query(`UPDATE service_delivery.service_request SET submitted_at = submitted_at - interval '5 hours' WHERE idempotency_key = 'B'`);
    expect((await printOf())['2023-03']).not.toBe(moved['2023-03']);
    await subgraph.dataSource.query(`UPDATE service_delivery.service_request SET submitted_at = '2023-03-10T02:00:00Z' WHERE idempotency_key = 'B'`);
    await subgraph.dataSource.query(`UPDATE service_delivery.service_request SET satisfaction = NULL WHERE idempotency_key = 'B'`);
    await subgraph.dataSource.query(`UPDATE service_delivery.service_request SET submitted_at = '2023-03-31T16:00:00Z' WHERE idempotency_key = 'C'`);
    // Every fact back as it was, in new row versions: the two months touched print anew, the others as before.
    const restored = await printOf();
    expect(Object.keys(restored)).toEqual(Object.keys(before));
    expect({ ...restored, '2023-03': null, '2023-04': null }).toEqual({ ...before, '2023-03': null, '2023-04': null });
  });

  it("gives several months of a range of communities in one block, as each month's pages give them, in two statements", async () => {
    const months = ['2023-04', '2023-02', '2023-03'];
    const before = subgraph.statements.statements;
    const response = await figureBlock(subgraph.url, 'serviceDelivery', { months }, analyst);
    expect(subgraph.statements.statements - before).toBe(2);
    expect(response.errors).toBeUndefined();
    const block = response.data!.block;
    const expected: Record<string, Record<string, number | null>> = {};
    const samples: string[] = [];
    for (const month of [...months].sort()) {
      const page = await wholeFeed(subgraph.url, 'serviceDelivery', month, analyst);
      for (const [code, values] of Object.entries(valuesByCommunity(page))) {
        expected[`${month} ${code}`] = values;
      }
      samples.push(...page.samples.map((sample) => `${month} ${sample.communityCode} ${sample.measure} ${sample.value} ${sample.count}`));
    }
    expect(Object.keys(expected)).toHaveLength(5);
    expect(blockValues(block)).toEqual(expected);
    // In code and then month order.
    expect(block.rows.communityCode.map((code, row) => `${code} ${block.rows.month[row]}`)).toEqual(
      ['620102001001 2023-03', '620102001002 2023-04', '620102002001 2023-03', '620103001001 2023-02', '620103001001 2023-03'],
    );
    expect(block.samples.month.map((month, index) => `${month} ${block.samples.communityCode[index]} ${block.samples.measure[index]} ${block.samples.value[index]} ${block.samples.count[index]}`).sort()).toEqual(samples.sort());

    // A range: after the first community up to the county 620102's last, March and April only.
    const range = await figureBlock(subgraph.url, 'serviceDelivery', { months: ['2023-03', '2023-04'], after: '620102001001', through: '620102002001' }, analyst);
    expect(Object.keys(blockValues(range.data!.block))).toEqual(['2023-04 620102001002', '2023-03 620102002001']);
    expect(range.data!.block.samples.month).toEqual([]);
    // Within the caller's jurisdiction only.
    const county = await figureBlock(subgraph.url, 'serviceDelivery', { months }, testToken({ roles: ['analyst'], jurisdiction: '620103' }));
    expect(county.data!.block.rows.communityCode).toEqual(['620103001001', '620103001001']);
  });

  it.each([
    ['no month', { months: [] }, 'months'],
    ['a month 13', { months: ['2023-13'] }, 'months'],
    ['a month twice', { months: ['2023-03', '2023-03'] }, 'months'],
    ['121 months', { months: Array.from({ length: 121 }, (_, index) => `${2000 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`) }, 'months'],
    ['a bad after', { months: ['2023-03'], after: 'abc' }, 'after'],
    ['a bad through', { months: ['2023-03'], through: '62010200100' }, 'through'],
  ])('refuses a block with %s as BAD_USER_INPUT naming its argument', async (_label, args, argument) => {
    const response = await figureBlock(subgraph.url, 'serviceDelivery', args, analyst);
    expect(response.data).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('is for analysts and admins, within their jurisdiction', async () => {
    const query = (token?: string) => figurePage(subgraph.url, 'serviceDelivery', {}, token);
    expect((await query()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await query(testToken({ roles: ['resident'], jurisdiction: '620102001001' }))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await query(testToken({ roles: ['department_staff'], department: 'service-delivery', jurisdiction: '620000' }))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const monthsResponse = await graphqlRequest(subgraph.url, '{ serviceDeliveryFigureMonths { month } }', { token: testToken({ roles: ['resident'], jurisdiction: '620102001001' }) });
    expect(monthsResponse.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await figureBlock(subgraph.url, 'serviceDelivery', { months: ['2023-03'] })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await figureBlock(subgraph.url, 'serviceDelivery', { months: ['2023-03'] }, testToken({ roles: ['community_worker'], jurisdiction: '620102001001' }))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const lanzhou = await wholeFeed(subgraph.url, 'serviceDelivery', undefined, testToken({ roles: ['analyst'], jurisdiction: '620100' }));
    expect(lanzhou.rows.map((row) => row.communityCode)).toEqual(['620102001001', '620102001002', '620102002001', '620103001001']);
    const admin = await wholeFeed(subgraph.url, 'serviceDelivery', undefined, testToken({ roles: ['admin'], jurisdiction: '620000' }));
    expect(admin.rows).toHaveLength(5);
    // A cursor from elsewhere does not reach outside the jurisdiction
    const outside = await figurePage(subgraph.url, 'serviceDelivery', { after: '610000000000' }, testToken({ roles: ['analyst'], jurisdiction: '620200' }));
    expect(outside.data?.page?.rows.map((row) => row.communityCode)).toEqual(['620201001001']);
    // A range ends where asked, and never past the jurisdiction.
    const range = await figurePage(subgraph.url, 'serviceDelivery', { after: '620102001001', through: '620102002001' }, analyst);
    expect(range.data?.page?.rows.map((row) => row.communityCode)).toEqual(['620102001002', '620102002001']);
    const beyond = await figurePage(subgraph.url, 'serviceDelivery', { through: '629999999999' }, testToken({ roles: ['analyst'], jurisdiction: '620103' }));
    expect(beyond.data?.page?.rows.map((row) => row.communityCode)).toEqual(['620103001001']);
    const lanzhouMonths = await figureMonths(subgraph.url, 'serviceDelivery', testToken({ roles: ['analyst'], jurisdiction: '620103' }));
    // D alone: submitted in February, resolved in March (a resolution and a sample).
    expect(lanzhouMonths.filter((month) => month.month.startsWith('2023'))).toEqual([expect.objectContaining({ month: '2023-02', rows: 1 }), expect.objectContaining({ month: '2023-03', rows: 2 })]);
  });

  it.each([
    [{ month: '2023-13' }, 'month'],
    [{ month: '2023-3' }, 'month'],
    [{ month: 'March' }, 'month'],
    [{ first: 0 }, 'first'],
    [{ first: 10001 }, 'first'],
    [{ after: 'abc' }, 'after'],
    [{ after: '6201020010011' }, 'after'],
    [{ through: '62010200100' }, 'through'],
  ])('refuses %j as BAD_USER_INPUT naming %s', async (args, argument) => {
    const response = await figurePage(subgraph.url, 'serviceDelivery', args, analyst);
    expect(response.data).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(response.errors?.[0]?.message).not.toMatch(/SELECT|at .*\.js/);
  });
});
