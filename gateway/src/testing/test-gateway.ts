import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_JWT_SECRET } from '@shequ/kit/dist/testing';
import { composeSupergraph, subgraphEntry } from '@shequ/schema';
import { startGateway, type RunningGateway } from '../gateway';

/**
 * A gateway in production mode over just the given running subgraphs,
 * composed in memory from their schema.graphql files — so a department can
 * test its subgraph behind a gateway before the committed supergraph
 * includes it.
 */
export async function startTestGateway(subgraphs: Record<string, string>): Promise<RunningGateway> {
  const folder = mkdtempSync(join(tmpdir(), 'shequ-supergraph-'));
  const supergraphPath = join(folder, 'supergraph.graphql');
  writeFileSync(supergraphPath, composeSupergraph(Object.keys(subgraphs).map(subgraphEntry)));
  const gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    supergraphPath,
    subgraphUrls: subgraphs,
    subgraphTimeoutMs: 10_000,
    tokens: { secret: TEST_JWT_SECRET },
    development: false,
    logLevel: 'silent',
  });
  return {
    ...gateway,
    stop: async () => {
      await gateway.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
