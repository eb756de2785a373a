import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph, SUBGRAPHS } from '@shequ/schema';
import { startGateway, type RunningGateway } from '../gateway';
import { testGatewaySettings } from './test-settings';

/** Subgraphs a test did not start answer nowhere: a query that reaches them fails, others are unaffected. */
const UNREACHABLE = 'http://127.0.0.1:9/graphql';

/**
 * A gateway in production mode over the running subgraphs given, composed in
 * memory from every subgraph's schema.graphql as it is in the working tree —
 * so a department can test its subgraph behind a gateway before the committed
 * supergraph includes its latest change. Subgraphs not given are unreachable.
 */
export async function startTestGateway(subgraphs: Record<string, string>): Promise<RunningGateway> {
  const folder = mkdtempSync(join(tmpdir(), 'shequ-supergraph-'));
  const supergraphPath = join(folder, 'supergraph.graphql');
  writeFileSync(supergraphPath, composeSupergraph());
  const gateway = await startGateway(
    testGatewaySettings({ ...Object.fromEntries(SUBGRAPHS.map((entry) => [entry.name, UNREACHABLE])), ...subgraphs }, { supergraphPath }),
  );
  return {
    ...gateway,
    stop: async () => {
      await gateway.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
