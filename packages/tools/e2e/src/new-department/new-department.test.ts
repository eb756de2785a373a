import { join } from 'node:path';
import { placeholdersOf, renderSubgraph } from '@shequ/scaffold';
import { changedBetween, matrixMismatches, notJoined, testFilesNotPassed, unexpectedChanges, type JestReport } from './evidence';
import { controlTestingEntry, THROWAWAY } from './throwaway-department';

// The check itself runs for minutes (`pnpm check:new-department`); these pin the parts that decide its verdict.

describe('the control', () => {
  const generated = new Map(renderSubgraph(placeholdersOf(THROWAWAY, 0)).map((file) => [file.path, file.content]));
  const control = controlTestingEntry();

  it('claims the opposite of the generated rule for the generated mutation', () => {
    expect(control).not.toContain('{{');
    expect(generated.get('src/access-policy.ts')).toContain(`${THROWAWAY.mutation}: { roles: ['department_staff'], department: '${THROWAWAY.name}' },`);
    expect(control).toContain(`${THROWAWAY.mutation}: { roles: ['community_worker'] }`);
    expect(control).toContain(`matrixCase.operation === '${THROWAWAY.mutation}'`);
  });

  it('imports only what the scaffold’s files beside it export, and replaces its testing entry', () => {
    const imports = [...control.matchAll(/^import (?:type )?\{ (\w+) \} from '(\.{1,2}\/[^']+)';$/gm)].map(([, name, from]) => ({ name, from }));
    expect(imports.length).toBe(4);
    for (const { name, from } of imports) {
      const path = join('src/testing', `${from}.ts`);
      expect({ path, exported: new RegExp(`^export (const|function|async function) ${name}\\b`, 'm').test(generated.get(path) ?? '') }).toEqual({ path, exported: true });
    }
    expect(generated.get('src/testing/subgraph-testing.ts')).toContain('export const subgraphTesting: SubgraphTesting = {');
    expect(control).toContain('export const subgraphTesting: SubgraphTesting = {');
  });
});

describe('the department’s own test report', () => {
  const report = (results: { name: string; status: string; assertions: string[] }[]): JestReport => ({
    success: results.every((result) => result.status === 'passed'),
    numTotalTests: results.length,
    numFailedTests: 0,
    numPendingTests: 0,
    testResults: results.map(({ name, status, assertions }) => ({ name, status, message: '', assertionResults: assertions.map((assertion) => ({ title: 'a test', fullName: 'a test', status: assertion, failureMessages: [] })) })),
  });

  it('passes when every test file ran and every test in it passed', () => {
    expect(testFilesNotPassed(report([{ name: '/d/src/a.test.ts', status: 'passed', assertions: ['passed'] }, { name: '/d/src/b.test.ts', status: 'passed', assertions: ['passed', 'passed'] }]), ['/d/src/a.test.ts', '/d/src/b.test.ts'])).toEqual([]);
  });

  it('names a file that did not run, failed or skipped a test, and an empty set of files', () => {
    const results = report([
      { name: '/d/src/a.test.ts', status: 'failed', assertions: ['passed', 'failed'] },
      { name: '/d/src/b.test.ts', status: 'passed', assertions: ['pending'] },
    ]);
    expect(testFilesNotPassed(results, ['/d/src/a.test.ts', '/d/src/b.test.ts', '/d/src/c.test.ts'])).toEqual([
      '/d/src/a.test.ts failed: "a test" failed',
      '/d/src/b.test.ts passed: "a test" pending',
      '/d/src/c.test.ts did not run',
    ]);
    expect(testFilesNotPassed(results, [])).toEqual(['there is no test file to run']);
  });
});

const SUPERGRAPH = `enum join__Graph {
  GOVERNANCE @join__graph(name: "governance", url: "http://localhost:4001/graphql")
  NEIGHBOURHOOD_WATCH @join__graph(name: "neighbourhood-watch", url: "http://localhost:4006/graphql")
}

type Community
  @join__type(graph: GOVERNANCE, key: "code")
  @join__type(graph: NEIGHBOURHOOD_WATCH, key: "code")
{
  code: String!
  name: String! @join__field(graph: GOVERNANCE)
  neighbourhoodWatchRecords: [NeighbourhoodWatchRecord!]! @join__field(graph: NEIGHBOURHOOD_WATCH)
}

type Mutation
  @join__type(graph: GOVERNANCE)
  @join__type(graph: NEIGHBOURHOOD_WATCH)
{
  renameCommunity(code: String!, name: String!): Community! @join__field(graph: GOVERNANCE)
  registerNeighbourhoodWatchRecord(
    """1–100 characters."""
    title: String!
    communityCode: String!
  ): NeighbourhoodWatchRecord! @join__field(graph: NEIGHBOURHOOD_WATCH)

  """Renames a community."""
  retitleCommunity(
    code: String!
  ): Community! @join__field(graph: GOVERNANCE)
}
`;

describe('reading the supergraph', () => {
  it('finds a field served by the subgraph, and an entity it joins by its key', () => {
    expect(notJoined(SUPERGRAPH, 'Mutation', 'registerNeighbourhoodWatchRecord', 'neighbourhood-watch')).toBeNull();
    expect(notJoined(SUPERGRAPH, 'Community', 'neighbourhoodWatchRecords', 'neighbourhood-watch', 'code')).toBeNull();
  });

  it('says why when it is not', () => {
    expect(notJoined(SUPERGRAPH, 'Mutation', 'renameCommunity', 'neighbourhood-watch')).toContain('is not resolved by neighbourhood-watch');
    expect(notJoined(SUPERGRAPH, 'Mutation', 'retitleCommunity', 'neighbourhood-watch')).toContain('is not resolved by neighbourhood-watch');
    expect(notJoined(SUPERGRAPH, 'Community', 'neighbourhoodWatchRecord', 'neighbourhood-watch')).toBe('the supergraph has no field Community.neighbourhoodWatchRecord');
    expect(notJoined(SUPERGRAPH.replace('@join__type(graph: NEIGHBOURHOOD_WATCH, key: "code")', ''), 'Community', 'neighbourhoodWatchRecords', 'neighbourhood-watch', 'code')).toContain('does not join Community');
    expect(notJoined(SUPERGRAPH, 'Community', 'neighbourhoodWatchRecords', 'public-safety')).toBe('the supergraph lists no subgraph named public-safety');
  });
});

describe('reading the matrix walk’s failure', () => {
  it('lists each mismatch jest printed', () => {
    const message = `Error: expect(received).toEqual(expected) // deep equality

- Expected  - 1
+ Received  + 4

- Array []
+ Array [
+   "neighbourhood-watch registerNeighbourhoodWatchRecord (registerNeighbourhoodWatchRecord) as community worker inside: expected allowed, got FORBIDDEN (registerNeighbourhoodWatchRecord needs one of the roles department_staff (department_staff of neighbourhood-watch))",
+   "neighbourhood-watch registerNeighbourhoodWatchRecord (registerNeighbourhoodWatchRecord) as neighbourhood-watch staff inside: expected FORBIDDEN, got allowed (no error)",
+ ]`;
    expect(matrixMismatches([message])).toEqual([
      'neighbourhood-watch registerNeighbourhoodWatchRecord (registerNeighbourhoodWatchRecord) as community worker inside: expected allowed, got FORBIDDEN (registerNeighbourhoodWatchRecord needs one of the roles department_staff (department_staff of neighbourhood-watch))',
      'neighbourhood-watch registerNeighbourhoodWatchRecord (registerNeighbourhoodWatchRecord) as neighbourhood-watch staff inside: expected FORBIDDEN, got allowed (no error)',
    ]);
  });
});

describe('changes in the copy', () => {
  it('allows the department’s folder, its entry, the lockfile, regenerated schemas and what the generator wrote, and nothing else', () => {
    const changes = [
      { status: 'added', path: 'services/neighbourhood-watch/src/subgraph.ts' },
      { status: 'added', path: 'services/neighbourhood-watch/schema.graphql' },
      { status: 'modified', path: 'packages/schema/src/subgraphs.ts' },
      { status: 'modified', path: 'packages/schema/supergraph.graphql' },
      { status: 'modified', path: 'pnpm-lock.yaml' },
      { status: 'modified', path: 'infra/docker-compose.yml' },
      { status: 'modified', path: 'infra/k8s/shequ.yaml' },
      { status: 'modified', path: 'infra/Dockerfile' },
      { status: 'added', path: 'services/neighbourhood-watch-extra/x.ts' },
    ] as const;
    const regenerated = ['infra/docker-compose.yml', 'infra/k8s/shequ.yaml'];
    expect(unexpectedChanges([...changes], THROWAWAY, regenerated).map((change) => change.path)).toEqual(['infra/Dockerfile', 'services/neighbourhood-watch-extra/x.ts']);
    expect(unexpectedChanges([...changes], THROWAWAY, []).map((change) => change.path)).toEqual(['infra/docker-compose.yml', 'infra/k8s/shequ.yaml', 'infra/Dockerfile', 'services/neighbourhood-watch-extra/x.ts']);
  });

  it('takes as a step’s writing only what changed anew between two readings', () => {
    const before = [
      { status: 'modified', path: 'packages/schema/supergraph.graphql' },
      { status: 'added', path: 'services/neighbourhood-watch/schema.graphql' },
    ] as const;
    const after = [...before, { status: 'modified', path: 'infra/docker-compose.yml' }, { status: 'added', path: 'infra/k8s/base/neighbourhood-watch.yaml' }] as const;
    expect(changedBetween([...before], [...after])).toEqual(['infra/docker-compose.yml', 'infra/k8s/base/neighbourhood-watch.yaml']);
    expect(changedBetween([...after], [...after])).toEqual([]);
  });
});
