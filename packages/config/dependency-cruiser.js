// The layering every Shequ package keeps, read by dependency-cruiser from the repository root (check-layers.mjs).
// Libraries → services → gateway → tools: a layer may import the layers below it, never a layer above or beside.
// Paths are the files imports resolve to, so a workspace package reads as its folder (`services/volunteers/dist/…`).
const LIBRARY = '^packages/(kit|schema|database|config|client|ide|console)/';
const SERVICE = '^services/';
const GATEWAY = '^gateway/';
const TOOL = '^packages/tools/';
const PACKAGE = '^(gateway|services/[^/]+|packages/tools/[^/]+|packages/[^/]+)/';
const SOURCE = '^(gateway|services/[^/]+|packages/tools/[^/]+|packages/[^/]+)/src/';
// Code that only tests run: test files, testing folders, and the end-to-end package, which is all tests.
const TEST_CODE = ['\\.test\\.ts$', '/src/testing/', '^packages/tools/e2e/'];
// The seed writes each department's demo data through the seeder its testing entry offers beside its fixture, as the
// end-to-end tests take its fixture: it is development tooling and may load testing entries too.
const LOADS_TESTING_ENTRIES = [...TEST_CODE, '^packages/tools/seed/'];

module.exports = {
  forbidden: [
    {
      name: 'library-imports-upwards',
      comment: 'A library (kit, schema, database, config, client, ide, console) imports no service, no gateway and no tool.',
      severity: 'error',
      from: { path: LIBRARY },
      to: { path: '^(services|gateway|packages/tools)/' },
    },
    {
      name: 'service-imports-another-service',
      comment: 'A department owns its subgraph: it talks to the others through the graph, never through their code.',
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: SERVICE, pathNot: '^services/$1/' },
    },
    {
      name: 'service-imports-upwards',
      comment: 'A service imports no gateway and no tool: tests across services belong to packages/tools/e2e.',
      severity: 'error',
      from: { path: SERVICE },
      to: { path: '^(gateway|packages/tools)/' },
    },
    {
      name: 'gateway-imports-a-service',
      comment: 'The gateway knows subgraphs only through the composed supergraph.',
      severity: 'error',
      from: { path: GATEWAY, pathNot: '\\.test\\.ts$' },
      to: { path: SERVICE },
    },
    {
      name: 'gateway-test-imports-a-service',
      comment:
        "The gateway's own tests stand the governance subgraph behind it (a real subgraph with Region and Community to route to); " +
        'that is the one service they may import.',
      severity: 'error',
      from: { path: '^gateway/.+\\.test\\.ts$' },
      to: { path: SERVICE, pathNot: '^services/governance/' },
    },
    {
      name: 'gateway-imports-a-tool',
      comment: 'Tools sit above the gateway.',
      severity: 'error',
      from: { path: GATEWAY },
      to: { path: TOOL },
    },
    {
      name: 'reaches-into-another-package',
      comment: "Another package is imported by its name and the entry points its exports map offers, never by a relative path.",
      severity: 'error',
      from: { path: PACKAGE },
      to: { path: PACKAGE, pathNot: '^$1/', dependencyTypes: ['local'] },
    },
    {
      name: 'imports-another-package-source',
      comment: "Exports maps point at built files: an import that lands in another package's src/ went round them.",
      severity: 'error',
      from: { path: PACKAGE },
      to: { path: SOURCE, pathNot: '^$1/' },
    },
    {
      name: 'unresolvable',
      comment:
        "An import that resolves to no file. Across packages it is most often a path the package's exports map does not offer " +
        '(`@shequ/kit/dist/testing` instead of `@shequ/kit/testing`).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'production-imports-testing',
      comment: 'Code that runs in production imports no test harness: testing entries may pull in development-only packages.',
      severity: 'error',
      from: { path: SOURCE, pathNot: LOADS_TESTING_ENTRIES },
      to: { path: ['/(src|dist)/testing/', '\\.test\\.ts$'] },
    },
    {
      name: 'kit-loads-database',
      comment:
        "@shequ/kit runs in every subgraph's production image, where @shequ/database (the embedded PostgreSQL binaries) is not " +
        'installed: only @shequ/kit/testing and tests use it.',
      severity: 'error',
      from: { path: '^packages/kit/src/', pathNot: TEST_CODE },
      to: { path: '^packages/database/' },
    },
    {
      name: 'circular',
      comment: 'No import cycles, within a package or across packages.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Imported packages are built: their dist files are the ends of the arrows, not further starts.
    doNotFollow: { path: ['(^|/)node_modules/', '(^|/)dist/'] },
    exclude: { path: '(^|/)node_modules/' },
    // Type-only imports count: a layer that needs another's types depends on it all the same.
    tsPreCompilationDeps: true,
    // jest configs name their global setup with require.resolve.
    exoticRequireStrings: ['require.resolve'],
    moduleSystems: ['cjs', 'es6'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'require', 'node', 'default'],
      mainFields: ['types', 'typings', 'main'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
