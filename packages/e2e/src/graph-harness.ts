import { startGateway, type RunningGateway } from '@shequ/gateway';
import { testGatewaySettings } from '@shequ/gateway/dist/testing';
import { governanceSubgraph, insertGovernanceFixture } from '@shequ/governance';
import { startTestSubgraph, type TestSubgraph } from '@shequ/kit/dist/testing';
import { insertPublicSafetyFixture, publicSafetySubgraph } from '@shequ/public-safety';
import { insertServiceDeliveryFixture, serviceDeliverySubgraph } from '@shequ/service-delivery';
import { insertVolunteersFixture, volunteersSubgraph } from '@shequ/volunteers';

export interface Graph {
  gateway: RunningGateway;
  subgraphs: Record<'governance' | 'service-delivery' | 'volunteers' | 'public-safety', TestSubgraph>;
  /** SQL statements sent by every subgraph so far. */
  statements(): number;
  stop(): Promise<void>;
}

/**
 * All four subgraphs, each on its own fresh database with its fixture, behind
 * a gateway serving the committed supergraph — the graph as deployed, in one
 * test process.
 */
export async function startGraph(options: { extraCommunities?: number } = {}): Promise<Graph> {
  const [governance, serviceDelivery, volunteers, publicSafety] = await Promise.all([
    startTestSubgraph(governanceSubgraph),
    startTestSubgraph(serviceDeliverySubgraph),
    startTestSubgraph(volunteersSubgraph),
    startTestSubgraph(publicSafetySubgraph),
  ]);
  await insertGovernanceFixture(governance.dataSource, options.extraCommunities ?? 0);
  await insertServiceDeliveryFixture(serviceDelivery.dataSource);
  await insertVolunteersFixture(volunteers.dataSource);
  await insertPublicSafetyFixture(publicSafety.dataSource);
  const subgraphs = { governance, 'service-delivery': serviceDelivery, volunteers, 'public-safety': publicSafety };
  const gateway = await startGateway(testGatewaySettings(Object.fromEntries(Object.entries(subgraphs).map(([name, subgraph]) => [name, subgraph.url]))));
  governance.settings.gatewayUrl = gateway.url;
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
