// Checks the layering (dependency-cruiser.js beside this file) over the workspace. It first plants every kind of
// violation in a throwaway workspace and requires each rule to catch exactly its own: a rule whose pattern drifted
// would otherwise match nothing and pass for ever. Imported packages must be built (`pnpm build`): their exports
// maps point at dist/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONFIG = fileURLToPath(new URL('./dependency-cruiser.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// The package's exports offer no path to its command line, only to its module: the command sits two folders up.
const DEPCRUISE = join(dirname(fileURLToPath(import.meta.resolve('dependency-cruiser'))), '..', '..', 'bin', 'dependency-cruise.mjs');

/** What to cruise in a workspace: each package's sources, scripts and configuration files. */
function sourcesOf(packageGlobs) {
  return packageGlobs.flatMap((glob) => [`${glob}/{src,scripts}`, `${glob}/*.{js,mjs}`]);
}

/** The package folders pnpm-workspace.yaml lists, so this check covers whatever the workspace is made of. */
function workspacePackages() {
  const lines = readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8').split('\n');
  const start = lines.indexOf('packages:');
  const globs = [];
  for (const line of lines.slice(start + 1)) {
    const entry = /^\s+-\s+["']?([^"'\s]+)["']?\s*$/.exec(line);
    if (!entry) {
      break;
    }
    globs.push(entry[1]);
  }
  return globs;
}

function depcruise(cwd, args, stdio) {
  return spawnSync(process.execPath, [DEPCRUISE, '--config', CONFIG, ...args], { cwd, stdio, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** A workspace in miniature: what each file imports, and the violations the rules must report, no more, no fewer. */
const PACKAGES = {
  'packages/kit': { name: '@shequ/kit', exports: { '.': './dist/index.js', './testing': './dist/testing/index.js' } },
  'packages/database': { name: '@shequ/database' },
  'services/alpha': { name: '@shequ/alpha' },
  'services/beta': { name: '@shequ/beta' },
  'services/governance': { name: '@shequ/governance' },
  gateway: { name: '@shequ/gateway' },
  'packages/tools/seed': { name: '@shequ/seed' },
};
const SOURCES = {
  'packages/kit/src/upward.ts': ["import '@shequ/alpha';", "import '@shequ/gateway';", "import '@shequ/seed';"],
  'packages/kit/src/server.ts': ["import '@shequ/database';"],
  'packages/kit/src/server.test.ts': ["import '@shequ/database';", "import './server';"],
  'packages/kit/src/testing/harness.ts': ["import '@shequ/database';"],
  'services/alpha/src/index.ts': ["import '@shequ/kit';", "import './sibling';", "import './resolver';", "import './types';"],
  'services/alpha/src/sibling.ts': ["import '@shequ/beta';", "import '@shequ/gateway';"],
  'services/alpha/src/types.ts': ["import type { Beta } from '@shequ/beta';", 'export type Alpha = Beta;'],
  'services/alpha/src/resolver.ts': ["import '@shequ/kit/testing';"],
  'services/alpha/src/resolver.test.ts': ["import '@shequ/kit/testing';", "import './resolver';"],
  'services/beta/src/deep.ts': ["import '@shequ/kit/dist/testing';", "import '../../../packages/kit/src/server';"],
  'services/beta/src/a.ts': ["import './b';"],
  'services/beta/src/b.ts': ["import './a';"],
  'gateway/src/index.ts': ["import '@shequ/alpha';", "import '@shequ/seed';", "import '@shequ/kit';"],
  'gateway/src/routing.test.ts': ["import '@shequ/governance';", "import '@shequ/beta';"],
  'packages/tools/seed/src/index.ts': ["import '@shequ/alpha';", "import '@shequ/gateway';", "import '@shequ/kit';", "import '@shequ/kit/testing';"],
};
const EXPECTED = [
  'library-imports-upwards packages/kit/src/upward.ts → services/alpha/dist/index.js',
  'library-imports-upwards packages/kit/src/upward.ts → gateway/dist/index.js',
  'library-imports-upwards packages/kit/src/upward.ts → packages/tools/seed/dist/index.js',
  'kit-loads-database packages/kit/src/server.ts → packages/database/dist/index.js',
  'service-imports-another-service services/alpha/src/sibling.ts → services/beta/dist/index.js',
  'service-imports-another-service services/alpha/src/types.ts → services/beta/dist/index.js',
  'service-imports-upwards services/alpha/src/sibling.ts → gateway/dist/index.js',
  'production-imports-testing services/alpha/src/resolver.ts → packages/kit/dist/testing/index.js',
  'unresolvable services/beta/src/deep.ts → @shequ/kit/dist/testing',
  'reaches-into-another-package services/beta/src/deep.ts → packages/kit/src/server.ts',
  'imports-another-package-source services/beta/src/deep.ts → packages/kit/src/server.ts',
  'circular services/beta/src/a.ts ↔ services/beta/src/b.ts',
  'gateway-imports-a-service gateway/src/index.ts → services/alpha/dist/index.js',
  'gateway-imports-a-tool gateway/src/index.ts → packages/tools/seed/dist/index.js',
  'gateway-test-imports-a-service gateway/src/routing.test.ts → services/beta/dist/index.js',
];

function plantViolations() {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'layers-')));
  for (const [folder, { name, exports = { '.': './dist/index.js' } }] of Object.entries(PACKAGES)) {
    mkdirSync(join(root, folder, 'dist', 'testing'), { recursive: true });
    writeFileSync(join(root, folder, 'package.json'), JSON.stringify({ name, exports }));
    writeFileSync(join(root, folder, 'dist', 'index.js'), 'module.exports = {};\n');
    writeFileSync(join(root, folder, 'dist', 'testing', 'index.js'), 'module.exports = {};\n');
    mkdirSync(join(root, 'node_modules', dirname(name)), { recursive: true });
    symlinkSync(join(root, folder), join(root, 'node_modules', name), 'dir');
  }
  for (const [file, lines] of Object.entries(SOURCES)) {
    mkdirSync(join(root, dirname(file)), { recursive: true });
    writeFileSync(join(root, file), `${lines.join('\n')}\nexport {};\n`);
  }
  return root;
}

/** What the rules got wrong on the planted workspace: violations not caught, and violations that are none. */
function checkTheRules() {
  const root = plantViolations();
  try {
    const run = depcruise(root, ['--output-type', 'json', ...sourcesOf(['gateway', 'services/*', 'packages/*', 'packages/tools/*'])], 'pipe');
    if (run.error || !run.stdout) {
      throw new Error(`dependency-cruiser did not run on the planted workspace: ${run.error?.message ?? run.stderr}`);
    }
    // A cycle is reported once, from whichever of its files was cruised first.
    const found = JSON.parse(run.stdout).summary.violations.map(({ rule, from, to }) =>
      rule.name === 'circular' ? `circular ${[from, to].sort().join(' ↔ ')}` : `${rule.name} ${from} → ${to}`,
    );
    return [
      ...EXPECTED.filter((line) => !found.includes(line)).map((line) => `not caught: ${line}`),
      ...found.filter((line) => !EXPECTED.includes(line)).map((line) => `unexpected: ${line}`),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const wrong = checkTheRules();
if (wrong.length) {
  console.error(`The layering rules no longer catch exactly the planted violations:\n  ${wrong.join('\n  ')}`);
  process.exit(1);
}
const run = depcruise(ROOT, ['--output-type', 'err-long', ...sourcesOf(workspacePackages())], 'inherit');
process.exit(run.status ?? 1);
