// The department beside governance behind the real gateway: a test across services, so it lives above them.
import type { RunningGateway } from '@shequ/gateway';
import { startTestGateway } from '@shequ/gateway/testing';
import { governanceSubgraph } from '@shequ/governance';
import { insertGovernanceFixture } from '@shequ/governance/testing';
import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { serviceDeliverySubgraph } from '@shequ/service-delivery';
import { insertServiceDeliveryFixture } from '@shequ/service-delivery/testing';

let governance: TestSubgraph;
let serviceDelivery: TestSubgraph;
let gateway: RunningGateway;

beforeAll(async () => {
  [governance, serviceDelivery] = await Promise.all([startTestSubgraph(governanceSubgraph), startTestSubgraph(serviceDeliverySubgraph)]);
  await insertGovernanceFixture(governance.dataSource);
  await insertServiceDeliveryFixture(serviceDelivery.dataSource);
  gateway = await startTestGateway({ governance: governance.url, 'service-delivery': serviceDelivery.url });
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all([governance?.stop(), serviceDelivery?.stop()]);
});

describe('service delivery behind the gateway', () => {
  it('reads region → communities → serviceStats with governance fields in one query, the rates from governance population', async () => {
    const response = await graphqlRequest(
      gateway.url,
      `{ region(code: "620102") {
          name population
          serviceStats { facilityCount welfareFacilities welfareFacilitiesPer1000Residents openRequests resolvedWithin15DaysRate }
          communities(first: 10) { edges { node { code name tier population serviceStats { welfareFacilities welfareFacilitiesPer1000Residents } } } }
        } }`,
    );
    expect(response.errors).toBeUndefined();
    const region = response.data.region;
    // county 620102: 4 welfare facilities over 20,000 residents
    expect(region).toMatchObject({ name: '城关区', population: 20000, serviceStats: { facilityCount: 7, welfareFacilities: 4, welfareFacilitiesPer1000Residents: 0.2, openRequests: 3, resolvedWithin15DaysRate: 0.5 } });
    expect(region.communities.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { code: '620102001001', name: '幸福社区', tier: 'ADVANCED', population: 5000, serviceStats: { welfareFacilities: 2, welfareFacilitiesPer1000Residents: 0.4 } },
      { code: '620102001002', name: '和平社区', tier: 'STANDARD', population: 4000, serviceStats: { welfareFacilities: 1, welfareFacilitiesPer1000Residents: 0.25 } },
      { code: '620102001003', name: '幸福里社区', tier: 'FOUNDATIONAL', population: 3000, serviceStats: { welfareFacilities: 0, welfareFacilitiesPer1000Residents: 0 } },
      { code: '620102002001', name: '光明社区', tier: 'ADVANCED', population: 6000, serviceStats: { welfareFacilities: 1, welfareFacilitiesPer1000Residents: 1 / 6 } },
      { code: '620102002002', name: '团结社区', tier: 'STANDARD', population: 2000, serviceStats: { welfareFacilities: 0, welfareFacilitiesPer1000Residents: 0 } },
    ]);
  });

  it('ranks a prefecture\'s communities and rolls up to the province in one query', async () => {
    const response = await graphqlRequest(
      gateway.url,
      `{ rankCommunitiesByService(metric: WELFARE_FACILITIES, regionCode: "620100", first: 3) { value community { code name region { code } serviceStats { welfareFacilitiesPer1000Residents } } }
         province: region(code: "620000") { name serviceStats { facilityCount welfareFacilities openRequests investmentThisYear } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.rankCommunitiesByService).toEqual([
      { value: 2, community: { code: '620102001001', name: '幸福社区', region: { code: '620102001' }, serviceStats: { welfareFacilitiesPer1000Residents: 0.4 } } },
      { value: 1, community: { code: '620102001002', name: '和平社区', region: { code: '620102001' }, serviceStats: { welfareFacilitiesPer1000Residents: 0.25 } } },
      { value: 1, community: { code: '620102002001', name: '光明社区', region: { code: '620102002' }, serviceStats: { welfareFacilitiesPer1000Residents: 1 / 6 } } },
    ]);
    expect(response.data.province).toEqual({ name: '甘肃省', serviceStats: { facilityCount: 9, welfareFacilities: 5, openRequests: 4, investmentThisYear: 155000 } });
  });

  it("follows a resident's request from submission to rating", async () => {
    const resident = testToken({ sub: 'resident-gw', roles: ['resident'], jurisdiction: '620102002002' });
    const worker = testToken({ sub: 'worker-gw', roles: ['community_worker'], jurisdiction: '620102002' });
    const submitted = await graphqlRequest(
      gateway.url,
      `mutation { submitServiceRequest(input: { communityCode: "620102002002", serviceCode: "REPAIR", description: "楼道灯坏了", channel: PHONE, idempotencyKey: "gw-request-0001" }) { id status community { name } } }`,
      { token: resident },
    );
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data.submitServiceRequest).toMatchObject({ status: 'SUBMITTED', community: { name: '团结社区' } });
    const id = submitted.data.submitServiceRequest.id;
    for (const mutation of ['acceptServiceRequest', 'startServiceRequest', 'resolveServiceRequest']) {
      const moved = await graphqlRequest(gateway.url, `mutation ($id: ID!) { ${mutation}(input: { id: $id }) { status } }`, { token: worker, variables: { id } });
      expect(moved.errors).toBeUndefined();
    }
    const rated = await graphqlRequest(gateway.url, `mutation ($id: ID!) { rateServiceRequest(input: { id: $id, satisfaction: 5 }) { status satisfaction } }`, { token: resident, variables: { id } });
    expect(rated.data.rateServiceRequest).toEqual({ status: 'RESOLVED', satisfaction: 5 });
    const read = await graphqlRequest(
      gateway.url,
      `query ($id: ID!) { serviceRequest(id: $id) { status description satisfaction transitions { toStatus } community { name serviceRequests(first: 5) { totalCount } } } }`,
      { token: resident, variables: { id } },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.serviceRequest).toEqual({
      status: 'RESOLVED',
      description: '楼道灯坏了',
      satisfaction: 5,
      transitions: [{ toStatus: 'SUBMITTED' }, { toStatus: 'ACCEPTED' }, { toStatus: 'IN_PROGRESS' }, { toStatus: 'RESOLVED' }],
      community: { name: '团结社区', serviceRequests: { totalCount: 1 } },
    });
    const anonymous = await graphqlRequest(gateway.url, `query ($id: ID!) { serviceRequest(id: $id) { status description } }`, { variables: { id } });
    expect(anonymous.data.serviceRequest).toEqual({ status: 'RESOLVED', description: null });
  });
});
