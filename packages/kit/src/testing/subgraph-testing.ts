import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { REPOSITORY_ROOT, type SubgraphEntry } from '@shequ/schema';
import type { AccessPolicy } from '../auth/access-policy';
import type { SubgraphDefinition } from '../subgraph/subgraph-definition';
import type { MatrixCase } from './access-matrix';
import type { HostileRequest } from './hostile/hostile-request';

/**
 * What a subgraph offers the platform's own tests, as `subgraphTesting` from
 * its testing entry (`@shequ/<name>/testing`). The end-to-end graph, the
 * authorisation matrix and the hostile corpus are built from one of these per
 * entry of the subgraph list, so a new department joins them by its entry
 * and this export, with no edit to the tests.
 */
export interface SubgraphTesting {
  /** The subgraph to start, given the URLs of the subgraphs started before it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  subgraph(urls: Readonly<Record<string, string>>): SubgraphDefinition<any>;
  /** It reads the other subgraphs itself (the statistics store reads the departments' feeds): started after them, with their URLs. */
  readsOtherSubgraphs?: boolean;
  /** Its rows for the graph's tests; `extraCommunities` more of the owner of communities (governance). */
  fixture?(dataSource: DataSource, options: { extraCommunities: number }): Promise<void>;
  /** Owns Region and Community: its fixture is the graph's codes, inserted even when a test leaves the departments' facts out. */
  ownsCommunities?: boolean;
  /** Its access rules and a case for each, against its fixture (run after every fixture is in). */
  policy: AccessPolicy;
  matrixCases(dataSource: DataSource): Promise<MatrixCase[]> | MatrixCase[];
  /** Every argument and input field of its operations, spoiled one at a time, against its fixture: the hostile corpus sends them all through the gateway and checks nothing changed. */
  hostileInputs?(): HostileRequest[];
}

/**
 * The testing export of a subgraph in the list, found the way its own code
 * would import itself (a package may import its own exports by name), so the
 * caller needs no dependency on each service.
 */
export function subgraphTestingOf(entry: SubgraphEntry): SubgraphTesting {
  const path = require.resolve(`@shequ/${entry.name}/testing`, { paths: [join(REPOSITORY_ROOT, entry.directory)] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const testing = (require(path) as { subgraphTesting?: SubgraphTesting }).subgraphTesting;
  if (!testing) {
    throw new Error(`@shequ/${entry.name}/testing exports no subgraphTesting`);
  }
  return testing;
}
