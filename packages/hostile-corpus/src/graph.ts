import { startTestGateway } from '@shequ/gateway/dist/testing';
import type { RunningGateway } from '@shequ/gateway';
import { governanceSubgraph, insertGovernanceFixture } from '@shequ/governance';
import { startTestSubgraph, type TestSubgraph } from '@shequ/kit/dist/testing';
import { insertPublicSafetyFixture, publicSafetySubgraph } from '@shequ/public-safety';
import { insertServiceDeliveryFixture, serviceDeliverySubgraph } from '@shequ/service-delivery';
import { insertVolunteersFixture, volunteersSubgraph } from '@shequ/volunteers';

export type SubgraphName = 'governance' | 'service-delivery' | 'volunteers' | 'public-safety';

export interface Graph {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, TestSubgraph>;
  stop(): Promise<void>;
}

/**
 * All four subgraphs on fresh databases with their fixtures, behind a
 * production-mode gateway composed from the schemas the running code emits,
 * so a hostile request meets exactly what a client would.
 */
export async function startGraph(): Promise<Graph> {
  const [governance, serviceDelivery, volunteers, publicSafety] = await Promise.all([
    startTestSubgraph(governanceSubgraph),
    startTestSubgraph(serviceDeliverySubgraph),
    startTestSubgraph(volunteersSubgraph),
    startTestSubgraph(publicSafetySubgraph),
  ]);
  await insertGovernanceFixture(governance.dataSource);
  await insertServiceDeliveryFixture(serviceDelivery.dataSource);
  await insertVolunteersFixture(volunteers.dataSource);
  await insertPublicSafetyFixture(publicSafety.dataSource);
  const subgraphs = { governance, 'service-delivery': serviceDelivery, volunteers, 'public-safety': publicSafety };
  const gateway = await startTestGateway(Object.fromEntries(Object.entries(subgraphs).map(([name, subgraph]) => [name, subgraph.url])));
  // runAssessment reads the departments' figures back through the graph.
  governance.settings.gatewayUrl = gateway.url;
  return {
    gateway,
    subgraphs,
    stop: async () => {
      await gateway.stop();
      await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.stop()));
    },
  };
}
