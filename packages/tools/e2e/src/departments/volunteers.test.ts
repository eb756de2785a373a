// The department beside governance behind the real gateway: a test across services, so it lives above them.
import type { RunningGateway } from '@shequ/gateway';
import { startTestGateway } from '@shequ/gateway/testing';
import { governanceSubgraph } from '@shequ/governance';
import { insertGovernanceFixture } from '@shequ/governance/testing';
import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { volunteersSubgraph } from '@shequ/volunteers';
import { insertVolunteersFixture, VOLUNTEERS_FIXTURE } from '@shequ/volunteers/testing';

let governance: TestSubgraph;
let volunteers: TestSubgraph;
let gateway: RunningGateway;

beforeAll(async () => {
  [governance, volunteers] = await Promise.all([startTestSubgraph(governanceSubgraph), startTestSubgraph(volunteersSubgraph)]);
  await insertGovernanceFixture(governance.dataSource);
  await insertVolunteersFixture(volunteers.dataSource);
  gateway = await startTestGateway({ governance: governance.url, volunteers: volunteers.url });
});
afterAll(async () => {
  await gateway?.stop();
  await Promise.all([governance?.stop(), volunteers?.stop()]);
});

describe('through the gateway', () => {
  it('joins governance regions and communities with volunteer stats and the @requires rate in one query', async () => {
    const { data, errors } = await graphqlRequest(
      gateway.url,
      `{ region(code: "620102") { name population
           volunteerStats { registeredVolunteers activeVolunteers registeredVolunteersPer100Residents confirmedHoursLast12Months organizationsByStage { stage count } }
           communities(first: 3) { edges { node { code name population volunteerStats { registeredVolunteers registeredVolunteersPer100Residents activitiesLast12Months } } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.region).toMatchObject({
      name: '城关区',
      population: 20000,
      volunteerStats: { registeredVolunteers: 4, activeVolunteers: 3, registeredVolunteersPer100Residents: 0.02, confirmedHoursLast12Months: 10.5 },
    });
    expect(data.region.volunteerStats.organizationsByStage).toContainEqual({ stage: 'INCUBATING', count: 1 });
    expect(data.region.communities.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { code: '620102001001', name: '幸福社区', population: 5000, volunteerStats: { registeredVolunteers: 2, registeredVolunteersPer100Residents: 0.04, activitiesLast12Months: 1 } },
      { code: '620102001002', name: '和平社区', population: 4000, volunteerStats: { registeredVolunteers: 1, registeredVolunteersPer100Residents: 0.025, activitiesLast12Months: 0 } },
      { code: '620102001003', name: '幸福里社区', population: 3000, volunteerStats: { registeredVolunteers: 0, registeredVolunteersPer100Residents: 0, activitiesLast12Months: 0 } },
    ]);
  });

  it('fills in ranked communities and volunteers\' communities from governance', async () => {
    const { data, errors } = await graphqlRequest(
      gateway.url,
      `{ rankCommunitiesByVolunteering(metric: REGISTERED_VOLUNTEERS, regionCode: "620100", first: 2) { value community { code name tier } }
         organizations(filter: { stage: INCUBATING, regionCode: "620000" }) { edges { node { name communities { code name } } } }
         volunteer(id: "${VOLUNTEERS_FIXTURE.volunteers.zhang}") { name community { name } } }`,
      { token: testToken({ roles: ['department_staff'], department: 'volunteers', jurisdiction: '620100' }) },
    );
    expect(errors).toBeUndefined();
    expect(data.rankCommunitiesByVolunteering).toEqual([
      { value: 2, community: { code: '620102001001', name: '幸福社区', tier: 'ADVANCED' } },
      { value: 1, community: { code: '620102001002', name: '和平社区', tier: 'STANDARD' } },
    ]);
    expect(data.organizations.edges).toEqual([
      { node: { name: '幸福养老互助会', communities: [{ code: '620102001001', name: '幸福社区' }, { code: '620103001001', name: '西园社区' }] } },
    ]);
    expect(data.volunteer).toEqual({ name: '张三', community: { name: '幸福社区' } });
  });
});
