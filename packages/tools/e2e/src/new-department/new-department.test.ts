import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEW_DEPARTMENT, withDepartmentEntry, writeTemplate } from './department-template';
import { matrixMismatches, notJoined, unexpectedChanges } from './evidence';

// The check itself runs for many minutes (`pnpm check:new-department`); these pin the parts that decide its verdict.

const LIST = `export const SUBGRAPHS = [
  {
    name: 'governance',
    directory: 'services/governance',
    port: 4001,
    urlVariable: 'GOVERNANCE_URL',
    databaseUrlVariable: 'GOVERNANCE_DATABASE_URL',
    department: true,
  },
  {
    name: 'statistics',
    directory: 'services/statistics',
    port: 4005,
    urlVariable: 'STATISTICS_URL',
    databaseUrlVariable: 'STATISTICS_DATABASE_URL',
    department: false,
  },
] as const satisfies readonly SubgraphEntry[];
`;

describe('the entry added to the subgraph list', () => {
  it('comes last, on the port after the highest, with variables named after the department', () => {
    const { source, port } = withDepartmentEntry(LIST, NEW_DEPARTMENT);
    expect(port).toBe(4006);
    expect(source).toBe(
      LIST.replace(
        '] as const',
        `  {
    name: 'neighbourhood-watch',
    directory: 'services/neighbourhood-watch',
    port: 4006,
    urlVariable: 'NEIGHBOURHOOD_WATCH_URL',
    databaseUrlVariable: 'NEIGHBOURHOOD_WATCH_DATABASE_URL',
    department: true,
  },
] as const`,
      ),
    );
  });

  it('is refused when the list already names the department, or its end is not found once', () => {
    const once = withDepartmentEntry(LIST, NEW_DEPARTMENT).source;
    expect(() => withDepartmentEntry(once, NEW_DEPARTMENT)).toThrow('already has an entry named neighbourhood-watch');
    expect(() => withDepartmentEntry(LIST.replace('] as const satisfies', '] satisfies'), NEW_DEPARTMENT)).toThrow('found 0');
  });
});

describe('the template', () => {
  it('writes a package of the department’s name with a testing entry, every file without its suffix', () => {
    const target = mkdtempSync(join(tmpdir(), 'department-template-'));
    try {
      const written = writeTemplate(join(__dirname, 'template'), target);
      expect(written).toEqual(expect.arrayContaining(['package.json', 'README.md', 'src/subgraph.ts', 'src/testing/subgraph-testing.ts', 'src/migrations/1767000000000-neighbourhood-watch-schema.ts']));
      expect(written.filter((path) => path.endsWith('.template'))).toEqual([]);
      const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
      expect(manifest.name).toBe(`@shequ/${NEW_DEPARTMENT.name}`);
      expect(Object.keys(manifest.exports)).toEqual(['.', './testing', './package.json']);
      expect(readFileSync(join(target, 'src/subgraph.ts'), 'utf8')).toContain(`name: '${NEW_DEPARTMENT.name}'`);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
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
  watchPosts: [WatchPost!]! @join__field(graph: NEIGHBOURHOOD_WATCH)
}

type Mutation
  @join__type(graph: GOVERNANCE)
  @join__type(graph: NEIGHBOURHOOD_WATCH)
{
  renameCommunity(code: String!, name: String!): Community! @join__field(graph: GOVERNANCE)
  registerWatchPost(
    """1–100 characters."""
    title: String!
    communityCode: String!
  ): WatchPost! @join__field(graph: NEIGHBOURHOOD_WATCH)

  """Renames a community."""
  retitleCommunity(
    code: String!
  ): Community! @join__field(graph: GOVERNANCE)
}
`;

describe('reading the supergraph', () => {
  it('finds a field served by the subgraph, and an entity it joins by its key', () => {
    expect(notJoined(SUPERGRAPH, 'Mutation', 'registerWatchPost', 'neighbourhood-watch')).toBeNull();
    expect(notJoined(SUPERGRAPH, 'Community', 'watchPosts', 'neighbourhood-watch', 'code')).toBeNull();
  });

  it('says why when it is not', () => {
    expect(notJoined(SUPERGRAPH, 'Mutation', 'renameCommunity', 'neighbourhood-watch')).toContain('is not resolved by neighbourhood-watch');
    expect(notJoined(SUPERGRAPH, 'Mutation', 'retitleCommunity', 'neighbourhood-watch')).toContain('is not resolved by neighbourhood-watch');
    expect(notJoined(SUPERGRAPH, 'Community', 'watchPost', 'neighbourhood-watch')).toBe('the supergraph has no field Community.watchPost');
    expect(notJoined(SUPERGRAPH.replace('@join__type(graph: NEIGHBOURHOOD_WATCH, key: "code")', ''), 'Community', 'watchPosts', 'neighbourhood-watch', 'code')).toContain('does not join Community');
    expect(notJoined(SUPERGRAPH, 'Community', 'watchPosts', 'public-safety')).toBe('the supergraph lists no subgraph named public-safety');
  });
});

describe('reading the matrix walk’s failure', () => {
  it('lists each mismatch jest printed', () => {
    const message = `Error: expect(received).toEqual(expected) // deep equality

- Expected  - 1
+ Received  + 4

- Array []
+ Array [
+   "neighbourhood-watch registerWatchPost (registerWatchPost) as community worker inside: expected allowed, got FORBIDDEN (registerWatchPost needs one of the roles department_staff (department_staff of neighbourhood-watch))",
+   "neighbourhood-watch registerWatchPost (registerWatchPost) as neighbourhood-watch staff inside: expected FORBIDDEN, got allowed (no error)",
+ ]`;
    expect(matrixMismatches([message])).toEqual([
      'neighbourhood-watch registerWatchPost (registerWatchPost) as community worker inside: expected allowed, got FORBIDDEN (registerWatchPost needs one of the roles department_staff (department_staff of neighbourhood-watch))',
      'neighbourhood-watch registerWatchPost (registerWatchPost) as neighbourhood-watch staff inside: expected FORBIDDEN, got allowed (no error)',
    ]);
  });
});

describe('changes in the copy', () => {
  it('allows the department’s folder, its entry, the lockfile, regenerated schemas and infrastructure, and nothing else', () => {
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
    expect(unexpectedChanges([...changes], NEW_DEPARTMENT).map((change) => change.path)).toEqual(['infra/Dockerfile', 'services/neighbourhood-watch-extra/x.ts']);
  });
});
