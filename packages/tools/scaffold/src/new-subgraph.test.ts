import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { runNewSubgraph } from './new-subgraph';
import { readSubgraphList, SUBGRAPH_LIST_PATH } from './subgraph-list';

// The repository the scaffold runs in here: its real subgraph list and workspace file, a few packages, a supergraph.
const REPOSITORY = join(__dirname, '..', '..', '..', '..');
const LIST_SOURCE = readFileSync(join(REPOSITORY, SUBGRAPH_LIST_PATH), 'utf8');
const FREE_PORT = String(Math.max(...readSubgraphList(LIST_SOURCE).entries.map((entry) => entry.port)) + 1);
const TAKEN_PORT = String(readSubgraphList(LIST_SOURCE).entries[0].port);
const NOW = Date.UTC(2026, 11, 1);

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)]));
}

/** Every file of the repository with its content: what a refusal must leave exactly as it was. */
function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(filesUnder(root).map((file) => [relative(root, file), readFileSync(file, 'utf8')]));
}

function write(root: string, path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

let root: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'new-subgraph-')));
  write(root, 'pnpm-workspace.yaml', readFileSync(join(REPOSITORY, 'pnpm-workspace.yaml'), 'utf8'));
  write(root, SUBGRAPH_LIST_PATH, LIST_SOURCE);
  write(root, 'packages/schema/package.json', JSON.stringify({ name: '@shequ/schema' }));
  write(root, 'packages/kit/package.json', JSON.stringify({ name: '@shequ/kit' }));
  write(root, 'services/volunteers/package.json', JSON.stringify({ name: '@shequ/volunteers' }));
  write(root, 'packages/schema/supergraph.graphql', 'type RoadSafetyRecord {\n  id: ID!\n}\n\ntype Mutation {\n  registerParkRecord(title: String!): ID!\n}\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runNewSubgraph(argv, { cwd: root, now: NOW, out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

describe('pnpm new-subgraph', () => {
  it('writes the subgraph and its entry in the list, and prints the next steps', () => {
    const before = snapshot(root);
    const { code, out, err } = run('river-patrol', '--port', FREE_PORT);
    expect([code, err]).toEqual([0, '']);
    const after = snapshot(root);
    const written = Object.keys(after).filter((path) => !(path in before));
    expect(written.every((path) => path.startsWith('services/river-patrol/'))).toBe(true);
    expect(written).toEqual(
      expect.arrayContaining([
        'services/river-patrol/package.json',
        'services/river-patrol/README.md',
        `services/river-patrol/src/migrations/${NOW}-river-patrol-schema.ts`,
        'services/river-patrol/src/record/record.test.ts',
        'services/river-patrol/src/testing/subgraph-testing.ts',
      ]),
    );
    // Besides its folder, only the list changed, by one entry.
    expect(Object.keys(before).filter((path) => after[path] !== before[path])).toEqual([SUBGRAPH_LIST_PATH]);
    expect(readSubgraphList(after[SUBGRAPH_LIST_PATH]).entries.at(-1)).toEqual({ name: 'river-patrol', port: Number(FREE_PORT), urlVariable: 'RIVER_PATROL_URL', databaseUrlVariable: 'RIVER_PATROL_DATABASE_URL' });
    expect(after[SUBGRAPH_LIST_PATH].split('\n').length - before[SUBGRAPH_LIST_PATH].split('\n').length).toBe(8);
    for (const step of ['pnpm install', 'pnpm compose', 'pnpm infra', 'pnpm test --filter=@shequ/river-patrol']) {
      expect(out).toContain(`  ${step} `);
    }
    expect(out.indexOf('pnpm install')).toBeLessThan(out.indexOf('pnpm compose'));
  });

  describe('then links and composes the new subgraph with the repository\'s own pnpm', () => {
    /** Records each command asked for, with what the written list held at that moment, and answers the given exit codes in turn. */
    function runWithCommands(codes: number[], ...argv: string[]) {
      const calls: { command: string; cwd: string; listed: boolean }[] = [];
      let out = '';
      let err = '';
      const code = runNewSubgraph(argv, {
        cwd: root,
        now: NOW,
        out: (text) => (out += text),
        err: (text) => (err += text),
        run: (command, args, cwd) => {
          calls.push({ command: [command, ...args].join(' '), cwd, listed: readFileSync(join(cwd, SUBGRAPH_LIST_PATH), 'utf8').includes("'river-patrol'") });
          return codes[calls.length - 1] ?? 0;
        },
      });
      return { code, out, err, calls };
    }

    it('install, then compose, in the repository root once the files are written; only the steps left are printed', () => {
      const { code, out, err, calls } = runWithCommands([0, 0], 'river-patrol', '--port', FREE_PORT);
      expect([code, err]).toEqual([0, '']);
      expect(calls).toEqual([
        { command: 'npx -y pnpm@10.34.9 install', cwd: root, listed: true },
        { command: 'npx -y pnpm@10.34.9 compose', cwd: root, listed: true },
      ]);
      expect(out).toContain('installed and composed');
      expect(out).not.toMatch(/^ {2}pnpm install /m);
      expect(out).toMatch(/^ {2}pnpm infra /m);
    });

    it('stops at a step that fails, exit code 1, keeping what it wrote and printing every step still to run', () => {
      const { code, out, err, calls } = runWithCommands([1], 'river-patrol', '--port', FREE_PORT);
      expect(code).toBe(1);
      expect(calls.map((call) => call.command)).toEqual(['npx -y pnpm@10.34.9 install']);
      expect(err).toContain('pnpm install failed (exit code 1)');
      expect(existsSync(join(root, 'services/river-patrol/package.json'))).toBe(true);
      expect(out).toMatch(/^ {2}pnpm install /m);
      expect(out).toMatch(/^ {2}pnpm compose /m);
    });

    it('not with --no-compose, nor with --dry-run', () => {
      expect(runWithCommands([], 'river-patrol', '--port', FREE_PORT, '--dry-run').calls).toEqual([]);
      const { code, out, calls } = runWithCommands([], 'river-patrol', '--port', FREE_PORT, '--no-compose');
      expect([code, calls]).toEqual([0, []]);
      expect(out).toMatch(/^ {2}pnpm install /m);
    });
  });

  it('names everything it generates after the subgraph, with no placeholder or other department left', () => {
    expect(run('river-patrol', '--port', FREE_PORT).code).toBe(0);
    const folder = join(root, 'services', 'river-patrol');
    const files = filesUnder(folder).map((file) => ({ path: relative(folder, file), text: readFileSync(file, 'utf8') }));
    for (const { path, text } of files) {
      expect({ path, leftovers: text.match(/\{\{|neighbourhood|watch/gi) }).toEqual({ path, leftovers: null });
    }
    const manifest = JSON.parse(files.find((file) => file.path === 'package.json')!.text);
    expect([manifest.name, Object.keys(manifest.exports)]).toEqual(['@shequ/river-patrol', ['.', './testing', './package.json']]);
    const text = (path: string) => files.find((file) => file.path === path)!.text;
    expect(text('src/subgraph.ts')).toContain("name: 'river-patrol',");
    expect(text('src/subgraph.ts')).toContain("auditLogMigration('river_patrol')");
    expect(text(`src/migrations/${NOW}-river-patrol-schema.ts`)).toContain(`export class RiverPatrolSchema${NOW} implements MigrationInterface`);
    expect(text(`src/migrations/${NOW}-river-patrol-schema.ts`)).toContain('CREATE TABLE river_patrol.record (');
    expect(text('src/access-policy.ts')).toContain("registerRiverPatrolRecord: { roles: ['department_staff'], department: 'river-patrol' },");
    expect(text('src/community/community.resolver.ts')).toContain('riverPatrolRecords(@Root() community: CommunityReference');
    expect(text('src/testing/access-matrix.ts')).toContain('{ riverPatrolAuditLog(first: 1)');
  });

  it('writes TypeScript that parses', () => {
    expect(run('river-patrol', '--port', FREE_PORT).code).toBe(0);
    const sources = filesUnder(join(root, 'services', 'river-patrol')).filter((file) => file.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(15);
    for (const file of sources) {
      const { diagnostics } = ts.transpileModule(readFileSync(file, 'utf8'), { fileName: file, reportDiagnostics: true, compilerOptions: { experimentalDecorators: true } });
      expect({ file: relative(root, file), errors: (diagnostics ?? []).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')) }).toEqual({ file: relative(root, file), errors: [] });
    }
  });

  it('finds the repository from a folder inside it', () => {
    mkdirSync(join(root, 'services', 'elsewhere'));
    let out = '';
    const code = runNewSubgraph(['river-patrol', '--port', FREE_PORT, '--dry-run'], { cwd: join(root, 'services', 'elsewhere'), out: (text) => (out += text), err: () => undefined });
    expect(code).toBe(0);
    expect(out).toContain('Would write services/river-patrol/');
  });

  it('with --dry-run prints the files and the entry it would write, and writes nothing', () => {
    const before = snapshot(root);
    const { code, out, err } = run('river-patrol', '--port', FREE_PORT, '--dry-run');
    expect([code, err]).toEqual([0, '']);
    expect(snapshot(root)).toEqual(before);
    expect(out).toContain('Would write services/river-patrol/ (');
    expect(out).toContain('  services/river-patrol/src/record/record.resolver.ts\n');
    expect(out).toContain(`    name: 'river-patrol',\n    directory: 'services/river-patrol',\n    port: ${FREE_PORT},\n`);
    expect(out).toContain('Nothing was written (--dry-run).');
  });

  describe('refuses, writing nothing,', () => {
    it.each([
      ['a name that is not kebab-case', ['RiverPatrol', '--port', FREE_PORT], 'BAD_NAME', '"RiverPatrol" is not a subgraph name: use lower-case kebab-case'],
      ['a name already in the list', ['volunteers', '--port', FREE_PORT], 'NAME_TAKEN', 'the subgraph list already has a subgraph named volunteers'],
      ['a port already in the list', ['river-patrol', '--port', TAKEN_PORT], 'PORT_TAKEN', `port ${TAKEN_PORT} is already taken by`],
      ['a port below 1024', ['river-patrol', '--port', '80'], 'BAD_PORT', '--port 80: a port is a whole number from 1024 to 65535'],
      ['a port above 65535', ['river-patrol', '--port', '70000'], 'BAD_PORT', '--port 70000'],
      ['no port', ['river-patrol'], 'BAD_PORT', '--port is required'],
      ['no name', ['--port', FREE_PORT], 'BAD_ARGUMENTS', 'name the subgraph'],
      ['two names', ['river', 'patrol', '--port', FREE_PORT], 'BAD_ARGUMENTS', 'one name only'],
      ['an unknown option', ['river-patrol', '--prot', FREE_PORT], 'BAD_ARGUMENTS', "Unknown option '--prot'"],
      ['the name of another workspace package', ['kit', '--port', FREE_PORT], 'NAME_TAKEN', 'the workspace already has a package @shequ/kit (packages/kit)'],
      ['a name whose type the graph has', ['road-safety', '--port', FREE_PORT], 'NAME_TAKEN', 'the supergraph already has type RoadSafetyRecord'],
      ['a name whose mutation the graph has', ['park', '--port', FREE_PORT], 'NAME_TAKEN', 'the supergraph already has field registerParkRecord'],
    ])('%s', (_what, argv, code, says) => {
      const before = snapshot(root);
      const result = run(...argv);
      expect(result.code).toBe(1);
      expect(result.err).toContain(`new-subgraph: ${code}: ${says}`);
      expect(result.err).toMatch(/Nothing was written\.\n$/);
      expect(result.out).toBe('');
      expect(snapshot(root)).toEqual(before);
    });

    it('a folder that exists already, even unlisted', () => {
      write(root, 'services/river-patrol/notes.md', 'planned\n');
      const before = snapshot(root);
      expect(run('river-patrol', '--port', FREE_PORT).err).toContain('NAME_TAKEN: services/river-patrol already exists');
      expect(snapshot(root)).toEqual(before);
    });

    it('the same subgraph a second time', () => {
      expect(run('river-patrol', '--port', FREE_PORT).code).toBe(0);
      const before = snapshot(root);
      expect(run('river-patrol', '--port', String(Number(FREE_PORT) + 1)).err).toContain('NAME_TAKEN: the subgraph list already has a subgraph named river-patrol');
      expect(run('river-guard', '--port', FREE_PORT).err).toContain(`PORT_TAKEN: port ${FREE_PORT} is already taken by river-patrol`);
      expect(snapshot(root)).toEqual(before);
    });

    it('outside a repository', () => {
      rmSync(join(root, 'pnpm-workspace.yaml'));
      const result = run('river-patrol', '--port', FREE_PORT);
      expect([result.code, result.err]).toEqual([1, expect.stringContaining('NOT_A_REPOSITORY')]);
    });
  });
});
