import { addMonths, chinaMidnight, chinaToday, useClock } from '@shequ/kit';
import { figureMonths, figurePage, graphqlRequest, startTestSubgraph, testToken, valuesByCommunity, wholeFeed, type TestSubgraph } from '@shequ/kit/testing';
import { publicSafetySubgraph } from '../subgraph';
import { insertPublicSafetyFixture } from '../testing/fixture';

let subgraph: TestSubgraph;
const analyst = testToken();

/*
 * Dated facts in fixed months besides the fixture's (dated from now):
 * - incidents in 620102001002 at China midnight on 1 March 2023 and on 1 April 2023;
 * - mediation in 620102002001: received 5 March, closed 20 March 2023 with an agreement (15 days);
 *   received 10 February, closed 31 March 2023 without one (49 days);
 * - patrols in 620103001001 on 15 March (joint, 2.5 h) and 16 March 2023 (1 h);
 * - a legal education session in 620201001001 on 8 March 2023 reaching 30 people.
 */
async function insertDatedFacts(): Promise<void> {
  const query = (sql: string) => subgraph.dataSource.query(sql);
  await query(`INSERT INTO public_safety.safety_incident (community_code, category, severity, occurred_at, status, summary) VALUES
    ('620102001002', 'THEFT', 'LOW', '2023-02-28T16:00:00Z', 'RESOLVED', '三月'), ('620102001002', 'THEFT', 'LOW', '2023-03-31T16:00:00Z', 'RESOLVED', '四月')`);
  await query(`INSERT INTO public_safety.mediation_case (community_code, category, received_on, mediator, outcome, closed_on) VALUES
    ('620102002001', 'NEIGHBOURS', '2023-03-05', '调解员', 'AGREEMENT_REACHED', '2023-03-20'), ('620102002001', 'FAMILY', '2023-02-10', '调解员', 'FAILED', '2023-03-31')`);
  await query(`INSERT INTO public_safety.patrol (community_code, group_id, patrolled_on, hours, participants, joint_with_police) VALUES
    ('620103001001', NULL, '2023-03-15', 2.5, 4, true), ('620103001001', NULL, '2023-03-16', 1, 2, false)`);
  await query(`INSERT INTO public_safety.legal_service (community_code, kind, held_on, people_reached, topic) VALUES ('620201001001', 'EDUCATION_SESSION', '2023-03-08', 30, '普法')`);
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(publicSafetySubgraph);
  await insertPublicSafetyFixture(subgraph.dataSource);
  await insertDatedFacts();
});

afterAll(() => subgraph.stop());

const none = { incidents: 0, mediation_cases_received: 0, mediation_cases_closed: 0, mediation_agreements: 0, patrols: 0, joint_patrols: 0, patrol_hours: 0, legal_service_people_reached: 0 };

describe('publicSafetyFigures', () => {
  it("gives a month's flows and mediation samples as computed by hand", async () => {
    const march = await wholeFeed(subgraph.url, 'publicSafety', '2023-03', analyst);
    expect(march.measures).toEqual(Object.keys(none));
    expect(valuesByCommunity(march)).toEqual({
      '620102001002': { ...none, incidents: 1 },
      '620102002001': { ...none, mediation_cases_received: 1, mediation_cases_closed: 2, mediation_agreements: 1 },
      '620103001001': { ...none, patrols: 2, joint_patrols: 1, patrol_hours: 3.5 },
      '620201001001': { ...none, legal_service_people_reached: 30 },
    });
    expect(march.samples).toEqual([
      { communityCode: '620102002001', measure: 'days_to_close_mediation', value: 15, count: 1 },
      { communityCode: '620102002001', measure: 'days_to_close_mediation', value: 49, count: 1 },
    ]);
    expect(valuesByCommunity(await wholeFeed(subgraph.url, 'publicSafety', '2023-04', analyst))).toEqual({ '620102001002': { ...none, incidents: 1 } });
    expect(valuesByCommunity(await wholeFeed(subgraph.url, 'publicSafety', '2023-02', analyst))).toEqual({ '620102002001': { ...none, mediation_cases_received: 1 } });
  });

  it('gives the stocks as of now', async () => {
    const stocks = await wholeFeed(subgraph.url, 'publicSafety', undefined, analyst);
    expect(stocks.measures).toEqual(['open_hazards', 'police_liaison', 'supervised_persons']);
    // 620102002001's liaison ended; supervisions ended or not yet started do not count
    expect(valuesByCommunity(stocks)).toEqual({
      '620102001001': { open_hazards: 1, police_liaison: 1, supervised_persons: 2 },
      '620102001002': { open_hazards: 0, police_liaison: 1, supervised_persons: 0 },
      '620102002001': { open_hazards: 2, police_liaison: 0, supervised_persons: 1 },
      '620103001001': { open_hazards: 0, police_liaison: 1, supervised_persons: 1 },
    });
  });

  it("lists the months with flows, whose twelve add up to the department's last 12 months", async () => {
    const firstOfMonth = `${chinaToday().slice(0, 7)}-01`;
    useClock(new Date(chinaMidnight(addMonths(firstOfMonth, 1)).getTime() - 1));
    try {
      const months = await figureMonths(subgraph.url, 'publicSafety', analyst);
      expect(months.filter((month) => month.month.startsWith('2023')).map(({ month, rows }) => ({ month, rows }))).toEqual([
        { month: '2023-02', rows: 1 },
        // Facts: an incident, a mediation received, two closed (each with its sample), two patrols and a legal service.
        { month: '2023-03', rows: 9 },
        { month: '2023-04', rows: 1 },
      ]);
      const sums = new Map<string, { incidents: number; received: number; closed: number; agreed: number; reached: number }>();
      for (const month of months.filter((candidate) => candidate.month >= addMonths(firstOfMonth, -11).slice(0, 7))) {
        for (const [code, figures] of Object.entries(valuesByCommunity(await wholeFeed(subgraph.url, 'publicSafety', month.month, analyst)))) {
          const sum = sums.get(code) ?? { incidents: 0, received: 0, closed: 0, agreed: 0, reached: 0 };
          sums.set(code, {
            incidents: sum.incidents + (figures.incidents as number),
            received: sum.received + (figures.mediation_cases_received as number),
            closed: sum.closed + (figures.mediation_cases_closed as number),
            agreed: sum.agreed + (figures.mediation_agreements as number),
            reached: sum.reached + (figures.legal_service_people_reached as number),
          });
        }
      }
      const codes = ['620102001001', '620102001002', '620103001001'];
      const stats = await graphqlRequest(
        subgraph.url,
        `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Community { code safetyStats {
          incidentsLast12Months mediationCasesLast12Months mediationAgreementRate legalServicePeopleReachedLast12Months } } } }`,
        { variables: { representations: codes.map((code) => ({ __typename: 'Community', code, population: 1000 })) }, asGateway: true, token: analyst },
      );
      expect(stats.errors).toBeUndefined();
      const own = stats.data._entities.map(({ safetyStats: s }: { safetyStats: Record<string, number> }) => ({
        incidents: s.incidentsLast12Months,
        received: s.mediationCasesLast12Months,
        agreementRate: s.mediationAgreementRate,
        reached: s.legalServicePeopleReachedLast12Months,
      }));
      // the agreement rate is the months' agreements over the months' closed cases
      const fromFeed = codes.map((code) => sums.get(code) as { incidents: number; received: number; closed: number; agreed: number; reached: number });
      expect(own).toEqual(fromFeed.map(({ closed, agreed, ...counts }) => ({ ...counts, agreementRate: closed > 0 ? agreed / closed : null })));
      expect(own[0]).toEqual({ incidents: 3, received: 3, agreementRate: 0.5, reached: 80 });
    } finally {
      useClock(null);
    }
  });

  it('pages by community code, one statement per part; fingerprints follow their month only', async () => {
    const whole = await wholeFeed(subgraph.url, 'publicSafety', '2023-03', analyst);
    const onePerPage = await wholeFeed(subgraph.url, 'publicSafety', '2023-03', analyst, 1);
    expect(onePerPage.pages).toBe(4);
    expect(onePerPage).toMatchObject({ rows: whole.rows, samples: whole.samples });
    const before = subgraph.statements.statements;
    await figurePage(subgraph.url, 'publicSafety', { month: '2023-03', first: 1 }, analyst);
    const onePage = subgraph.statements.statements - before;
    await figurePage(subgraph.url, 'publicSafety', { month: '2023-03', first: 5000 }, analyst);
    expect(subgraph.statements.statements - before - onePage).toBe(onePage);
    expect(onePage).toBe(2);

    const printOf = async () => Object.fromEntries((await figureMonths(subgraph.url, 'publicSafety', analyst)).map((month) => [month.month, month.fingerprint]));
    const printed = await printOf();
    await subgraph.dataSource.query(`UPDATE public_safety.patrol SET hours = 2 WHERE patrolled_on = '2023-03-16'`);
    const changed = await printOf();
    expect(changed['2023-03']).not.toBe(printed['2023-03']);
    expect({ ...changed, '2023-03': null }).toEqual({ ...printed, '2023-03': null });
    await subgraph.dataSource.query(`UPDATE public_safety.patrol SET hours = 1 WHERE patrolled_on = '2023-03-16'`);
    // A row version, not a value: the old value written back is a change too.
    const reverted = await printOf();
    expect(reverted['2023-03']).not.toBe(changed['2023-03']);
    expect({ ...reverted, '2023-03': null }).toEqual({ ...printed, '2023-03': null });
  });

  it('is for analysts and admins, within their jurisdiction, and refuses bad arguments', async () => {
    expect((await figurePage(subgraph.url, 'publicSafety', {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await figurePage(subgraph.url, 'publicSafety', {}, testToken({ roles: ['department_staff'], department: 'public-safety', jurisdiction: '620000' }))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await figurePage(subgraph.url, 'publicSafety', {}, testToken({ roles: ['resident'], jurisdiction: '620102001001' }))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const county = await wholeFeed(subgraph.url, 'publicSafety', '2023-03', testToken({ roles: ['analyst'], jurisdiction: '620102' }));
    expect(county.rows.map((row) => row.communityCode)).toEqual(['620102001002', '620102002001']);
    for (const [args, argument] of [[{ month: '202303' }, 'month'], [{ first: 20000 }, 'first'], [{ after: '620000' }, 'after']] as const) {
      const response = await figurePage(subgraph.url, 'publicSafety', args, analyst);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });
});
