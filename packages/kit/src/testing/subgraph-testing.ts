import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { REPOSITORY_ROOT, type SubgraphEntry } from '@shequ/schema';
import type { AccessPolicy } from '../auth/access-policy';
import type { SubgraphDefinition } from '../subgraph/subgraph-definition';
import type { MatrixCase } from './access-matrix';
import type { HostileRequest } from './hostile/hostile-request';
import type { CommunitySeeder, DepartmentSeeder } from './seeding/seed-context';

/**
 * What a subgraph offers the platform's own tests and seed, as
 * `subgraphTesting` from its testing entry (`@shequ/<name>/testing`). The
 * end-to-end graph, the authorisation matrix, the hostile corpus and the seed
 * are built from one of these per entry of the subgraph list, so a new
 * department joins them by its entry and this export, with no edit to them.
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
  /** The owner of communities only: writes a scale's regions and communities before any department's `seed` runs, and returns the communities they key on. */
  seedCommunities?: CommunitySeeder;
  /** Its records for `pnpm seed` at a scale, in the seed's one transaction: a department with none still has its tables migrated and emptied. */
  seed?: DepartmentSeeder;
}

/**
 * The testing export of a subgraph in the list, found the way its own code
 * would import itself (a package may import its own exports by name), so the
 * caller needs no dependency on each service.
 */
export function subgraphTestingOf(entry: SubgraphEntry): SubgraphTesting {
  // Resolved from a module inside the package: Node resolves a package's own name only there, not from `require.resolve`'s
  // `paths` (which jest's resolver accepts, so the tests alone would not notice).
  const path = createRequire(join(REPOSITORY_ROOT, entry.directory, 'package.json')).resolve(`@shequ/${entry.name}/testing`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const testing = (require(path) as { subgraphTesting?: SubgraphTesting }).subgraphTesting;
  if (!testing) {
    throw new Error(`@shequ/${entry.name}/testing exports no subgraphTesting`);
  }
  return testing;
}
