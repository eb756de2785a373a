// The department beside governance behind the real gateway: a test across services, so it lives above them.
import type { RunningGateway } from '@shequ/gateway';
import { startTestGateway } from '@shequ/gateway/testing';
import { governanceSubgraph } from '@shequ/governance';
import { insertGovernanceFixture } from '@shequ/governance/testing';
import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { publicSafetySubgraph } from '@shequ/public-safety';
import { insertPublicSafetyFixture } from '@shequ/public-safety/testing';

let governance: TestSubgraph;
let safety: TestSubgraph;
let gateway: RunningGateway;

beforeAll(async () => {
  [governance, safety] = await Promise.all([startTestSubgraph(governanceSubgraph), startTestSubgraph(publicSafetySubgraph)]);
  await insertGovernanceFixture(governance.dataSource);
  await insertPublicSafetyFixture(safety.dataSource);
  gateway = await startTestGateway({ governance: governance.url, 'public-safety': safety.url });
});
afterAll(async () => {
  await gateway?.stop();
  await Promise.all([governance?.stop(), safety?.stop()]);
});

describe('through the gateway', () => {
  it('gives an analyst region → communities → safety stats with governance fields and @requires rates in one query', async () => {
    const { data, errors } = await graphqlRequest(
      gateway.url,
      `{ region(code: "620102") { name communityCount safetyStats { incidentsLast12Months incidentsPer1000Residents policeLiaisonCoverage communitiesWithoutPoliceLiaison mediationAgreementRate }
           communities(first: 10) { edges { node { code name population safetyStats { incidentsPer1000Residents supervisedPersons } policeLiaison { officerName } } } } } }`,
      { token: testToken() },
    );
    expect(errors).toBeUndefined();
    expect(data.region).toMatchObject({
      name: '城关区',
      communityCount: 5,
      safetyStats: { incidentsLast12Months: 6, incidentsPer1000Residents: 0.3, policeLiaisonCoverage: 0.4, communitiesWithoutPoliceLiaison: 3, mediationAgreementRate: 2 / 3 },
    });
    const happy = data.region.communities.edges.find((edge: { node: { code: string } }) => edge.node.code === '620102001001').node;
    expect(happy).toEqual({ code: '620102001001', name: '幸福社区', population: 5000, safetyStats: { incidentsPer1000Residents: 0.6, supervisedPersons: 2 }, policeLiaison: { officerName: '王警官' } });
  });

  it('lets an analyst find the prefectures lacking police liaisons and the worst mediation outcomes, but no supervised person', async () => {
    const analyst = testToken();
    const { data, errors } = await graphqlRequest(
      gateway.url,
      `{ region(code: "620000") { children { code name safetyStats { communitiesWithoutPoliceLiaison mediationAgreementRate } } }
         rankCommunitiesBySafety(metric: MEDIATION_FAILURE_RATE, regionCode: "620000", first: 1) { community { code name } value } }`,
      { token: analyst },
    );
    expect(errors).toBeUndefined();
    expect(data.region.children).toEqual([
      { code: '620100', name: '兰州市', safetyStats: { communitiesWithoutPoliceLiaison: 3, mediationAgreementRate: 0.5 } },
      { code: '620200', name: '嘉峪关市', safetyStats: { communitiesWithoutPoliceLiaison: 1, mediationAgreementRate: null } },
    ]);
    expect(data.rankCommunitiesBySafety).toEqual([{ community: { code: '620103001001', name: '西园社区' }, value: 1 }]);
    const refused = await graphqlRequest(gateway.url, `{ supervisedPersons(communityCode: "620102001001") { fullName } }`, { token: analyst });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.data).toEqual({ supervisedPersons: null });
  });

  it('audits a read by staff made through the gateway', async () => {
    const token = testToken({ sub: 'gateway-officer', roles: ['department_staff'], department: 'public-safety', jurisdiction: '620102' });
    const { data, errors } = await graphqlRequest(gateway.url, `{ supervisedPersons(communityCode: "620102002001") { id fullName community { name } } }`, { token });
    expect(errors).toBeUndefined();
    expect(data.supervisedPersons).toEqual([{ id: '00000000-0000-4000-8000-000000000304', fullName: '赵六', community: { name: '光明社区' } }]);
    const audit = await safety.dataSource.query(`SELECT operation, target_ids, request_id FROM public_safety.audit_log WHERE actor_sub = 'gateway-officer'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ operation: 'read:SupervisedPerson', target_ids: ['00000000-0000-4000-8000-000000000304'] });
    expect(audit[0].request_id).toEqual(expect.any(String));
  });
});
