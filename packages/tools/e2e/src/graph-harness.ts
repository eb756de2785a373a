import { startGateway, type GatewaySettings, type RunningGateway } from '@shequ/gateway';
import { testGatewaySettings } from '@shequ/gateway/testing';
import { governanceSubgraph } from '@shequ/governance';
import { insertGovernanceFixture } from '@shequ/governance/testing';
import { serviceRequestHeaders } from '@shequ/kit';
import { startTestSubgraph, TEST_SIGNING_KEY, type TestSubgraph } from '@shequ/kit/testing';
import { publicSafetySubgraph } from '@shequ/public-safety';
import { insertPublicSafetyFixture } from '@shequ/public-safety/testing';
import { serviceDeliverySubgraph } from '@shequ/service-delivery';
import { insertServiceDeliveryFixture } from '@shequ/service-delivery/testing';
import { createStatisticsSubgraph, httpFeedSource } from '@shequ/statistics';
import { volunteersSubgraph } from '@shequ/volunteers';
import { insertVolunteersFixture } from '@shequ/volunteers/testing';

export interface Graph {
  gateway: RunningGateway;
  subgraphs: Record<'governance' | 'service-delivery' | 'volunteers' | 'public-safety' | 'statistics', TestSubgraph>;
  /** SQL statements sent by every subgraph so far. */
  statements(): number;
  stop(): Promise<void>;
}

export interface GraphOptions {
  extraCommunities?: number;
  /** false: governance's fixture only, for a test that brings facts of its own. */
  departmentFixtures?: boolean;
  /** Writes a test's own rows before the gateway starts, so the gateway's code registry holds every code from the start. */
  prepare?: (subgraphs: Record<'governance' | 'service-delivery' | 'volunteers' | 'public-safety', TestSubgraph>) => Promise<void>;
  /** Gateway settings besides the test defaults (trusted documents, limits…). */
  gateway?: Partial<GatewaySettings>;
}

/**
 * All five subgraphs, each on its own fresh database (the departments' with
 * their fixtures; statistics reading their feeds on their own URLs), behind
 * a gateway serving the committed supergraph — the graph as deployed, in one
 * test process.
 */
export async function startGraph(options: GraphOptions = {}): Promise<Graph> {
  const [governance, serviceDelivery, volunteers, publicSafety] = await Promise.all([
    startTestSubgraph(governanceSubgraph),
    startTestSubgraph(serviceDeliverySubgraph),
    startTestSubgraph(volunteersSubgraph),
    startTestSubgraph(publicSafetySubgraph),
  ]);
  await insertGovernanceFixture(governance.dataSource, options.extraCommunities ?? 0);
  // A test with facts of its own at fixed dates leaves out the departments' fixtures, whose dates follow today.
  if (options.departmentFixtures ?? true) {
    await insertServiceDeliveryFixture(serviceDelivery.dataSource);
    await insertVolunteersFixture(volunteers.dataSource);
    await insertPublicSafetyFixture(publicSafety.dataSource);
  }
  await options.prepare?.({ governance, 'service-delivery': serviceDelivery, volunteers, 'public-safety': publicSafety });
  const feedUrls = { GOVERNANCE: governance.url, SERVICE_DELIVERY: serviceDelivery.url, VOLUNTEERS: volunteers.url, PUBLIC_SAFETY: publicSafety.url };
  const statistics = await startTestSubgraph(
    createStatisticsSubgraph((requestId) => httpFeedSource(feedUrls, (request) => serviceRequestHeaders(TEST_SIGNING_KEY, 'statistics', request), requestId)),
  );
  const subgraphs = { governance, 'service-delivery': serviceDelivery, volunteers, 'public-safety': publicSafety, statistics };
  const gateway = await startGateway(testGatewaySettings(Object.fromEntries(Object.entries(subgraphs).map(([name, subgraph]) => [name, subgraph.url])), options.gateway));
  return {
    gateway,
    subgraphs,
    statements: () => Object.values(subgraphs).reduce((sum, subgraph) => sum + subgraph.statements.statements, 0),
    stop: async () => {
      await gateway.stop();
      await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.stop()));
    },
  };
}
