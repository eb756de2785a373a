import { startGateway, type GatewaySettings, type RunningGateway } from '@shequ/gateway';
import { testGatewaySettings } from '@shequ/gateway/testing';
import { startTestSubgraph, subgraphTestingOf, type SubgraphTesting, type TestSubgraph } from '@shequ/kit/testing';
import { SUBGRAPHS } from '@shequ/schema';

export interface Graph {
  gateway: RunningGateway;
  /** Every subgraph of the list, by name. */
  subgraphs: Record<string, TestSubgraph>;
  /** SQL statements sent by every subgraph so far. */
  statements(): number;
  stop(): Promise<void>;
}

export interface GraphOptions {
  extraCommunities?: number;
  /** false: only the fixture of the subgraph that owns communities, for a test that brings facts of its own. */
  departmentFixtures?: boolean;
  /** Writes a test's own rows before the gateway starts, so the gateway's code registry holds every code from the start. */
  prepare?: (subgraphs: Record<string, TestSubgraph>) => Promise<void>;
  /** Gateway settings besides the test defaults (trusted documents, limits…). */
  gateway?: Partial<GatewaySettings>;
}

/** Every subgraph of the list with what it offers the platform's tests (`@shequ/<name>/testing`). */
export function subgraphsUnderTest(): { name: string; testing: SubgraphTesting }[] {
  return SUBGRAPHS.map((entry) => ({ name: entry.name, testing: subgraphTestingOf(entry) }));
}

/**
 * Every subgraph of the list, each on its own fresh database with its
 * fixture, behind a gateway serving the committed supergraph — the graph as
 * deployed, in one test process. A subgraph that reads others (statistics)
 * starts once they are up, with their URLs.
 */
export async function startGraph(options: GraphOptions = {}): Promise<Graph> {
  const all = subgraphsUnderTest();
  const readers = all.filter(({ testing }) => testing.readsOtherSubgraphs);
  const served = all.filter(({ testing }) => !testing.readsOtherSubgraphs);
  const started = await Promise.all(served.map(async ({ name, testing }) => [name, await startTestSubgraph(testing.subgraph({}))] as const));
  const subgraphs: Record<string, TestSubgraph> = Object.fromEntries(started);
  for (const { name, testing } of served) {
    // A test with facts of its own at fixed dates leaves out the departments' fixtures, whose dates follow today.
    if (testing.fixture && (testing.ownsCommunities || (options.departmentFixtures ?? true))) {
      await testing.fixture(subgraphs[name].dataSource, { extraCommunities: options.extraCommunities ?? 0 });
    }
  }
  await options.prepare?.(subgraphs);
  const urls = Object.fromEntries(Object.entries(subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
  for (const { name, testing } of readers) {
    subgraphs[name] = await startTestSubgraph(testing.subgraph(urls));
  }
  // The gateway routes to them in the list's order.
  const ordered = Object.fromEntries(SUBGRAPHS.map((entry) => [entry.name, subgraphs[entry.name]]));
  const gateway = await startGateway(testGatewaySettings(Object.fromEntries(Object.entries(ordered).map(([name, subgraph]) => [name, subgraph.url])), options.gateway));
  return {
    gateway,
    subgraphs: ordered,
    statements: () => Object.values(ordered).reduce((sum, subgraph) => sum + subgraph.statements.statements, 0),
    stop: async () => {
      await gateway.stop();
      await Promise.all(Object.values(ordered).map((subgraph) => subgraph.stop()));
    },
  };
}
