import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { NEW_SUBGRAPH_CLI, nextFreePort, readSubgraphList, SUBGRAPH_LIST_PATH } from '@shequ/scaffold';
import { runBounded, type CommandResult } from './bounded-command';
import { changedBetween, matrixMismatches, notJoined, readJestReport, testFilesNotPassed, testTitled, unexpectedChanges, type JestReport } from './evidence';
import { changesSinceBaseline, copyFiles, lineCounts, recordBaseline, repositoryFiles } from './repository-copy';
import { controlTestingEntry, THROWAWAY as NEW_DEPARTMENT } from './throwaway-department';

/**
 * Proves that a department joins the platform by its own folder and one
 * entry in the subgraph list, as `pnpm new-subgraph` writes them: in a copy
 * of the repository it runs the scaffold, installs, composes, builds, runs
 * the new subgraph's own tests, typechecks and lints it, runs the
 * authorisation matrix, checks what changed, and runs the matrix once more
 * against a deliberately wrong policy to see that the new department's case
 * is really walked.
 */

// Built to packages/tools/e2e/dist/new-department/.
const ROOT = resolve(__dirname, '..', '..', '..', '..', '..');
// The scaffold's package folder, from the root: the root script builds it before this check.
const SCAFFOLD = join('packages', 'tools', 'scaffold');
const PNPM = ['-y', 'pnpm@10.34.9'];
const MINUTE = 60_000;
// The matrix test's own titles: the check looks for these results in jest's report.
const MUTATION_COVERAGE = 'has a case for every mutation';
const POLICY_COVERAGE = 'has a case for every rule';
const WALK = 'walks every role';

class CheckFailed extends Error {}

interface StepRecord {
  name: string;
  seconds: number;
  outcome: 'passed' | 'failed' | 'timed out';
  note?: string;
}

const steps: StepRecord[] = [];
const notes: string[] = [];

function duration(seconds: number): string {
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

function banner(text: string): void {
  process.stdout.write(`\n━━ ${text}\n`);
}

/** A step done here, in this process: timed, and failed by what it throws. */
async function step<Result>(name: string, run: () => Result | Promise<Result>): Promise<Result> {
  banner(name);
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const result = await run();
    steps.push({ name, seconds: seconds(), outcome: 'passed' });
    return result;
  } catch (error) {
    steps.push({ name, seconds: seconds(), outcome: 'failed', note: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    throw error;
  }
}

/**
 * The commands in the copy run as from a fresh shell in it, whoever started
 * this check: without the lower-case npm_* variables a package manager sets
 * for the script it runs (its package, and its workspace settings, which the
 * copy's pnpm reads from the copy), with turbo's telemetry off.
 * TEST_DATABASE_URL, NPM_CONFIG_* and the rest pass through.
 */
function commandEnvironment(): NodeJS.ProcessEnv {
  const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|PNPM_SCRIPT_SRC_DIR$|INIT_CWD$)/.test(name)));
  return { ...environment, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
}

interface Command {
  command: string;
  args: string[];
  cwd: string;
  timeoutMs: number;
  /** Folders put first on PATH. */
  binaries?: string[];
}

/** A command as a step: failed by a non-zero exit unless `mayFail`, always failed by its time limit. */
async function commandStep(name: string, command: Command, logs: string, options: { mayFail?: boolean } = {}): Promise<CommandResult> {
  banner(`${name} (limit ${command.timeoutMs / MINUTE} min)`);
  const logPath = join(logs, `${steps.length + 1}-${name.replace(/\W+/g, '-')}.log`);
  const environment = commandEnvironment();
  const path = [...(command.binaries ?? []), environment.PATH].filter(Boolean).join(delimiter);
  const result = await runBounded({ ...command, env: { ...environment, PATH: path }, logPath });
  const outcome = result.timedOut ? 'timed out' : result.exitCode === 0 || options.mayFail ? 'passed' : 'failed';
  // pnpm names its failures (ERR_PNPM_NO_OFFLINE_META…): the name says more in a summary line than an exit code.
  const pnpmError = result.exitCode !== 0 ? /\bERR_PNPM_\w+/.exec(readFileSync(logPath, 'utf8'))?.[0] : undefined;
  const exit = `exit ${result.exitCode ?? 'by signal'}${pnpmError ? ` (${pnpmError})` : ''}`;
  // The logs are kept with the copy only when the check fails.
  const note = result.timedOut ? `stopped after ${command.timeoutMs / MINUTE} min; log ${logPath}` : result.exitCode === 0 ? undefined : options.mayFail ? exit : `${exit}; log ${logPath}`;
  steps.push({ name, seconds: result.seconds, outcome, note });
  if (outcome !== 'passed') {
    throw new CheckFailed(`${name}: ${note}`);
  }
  return result;
}

function ensure(condition: boolean, failure: string): void {
  if (!condition) {
    throw new CheckFailed(failure);
  }
}

/** The test files under `folder`, as absolute paths (jest's report names them so). */
function testFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function jestReport(path: string): JestReport {
  ensure(existsSync(path), `jest wrote no report to ${path}`);
  return readJestReport(path);
}

async function check(work: string): Promise<void> {
  const copy = join(work, 'repository');
  const logs = join(work, 'logs');
  mkdirSync(logs);
  const department = join(copy, NEW_DEPARTMENT.directory);
  const e2e = join(copy, 'packages', 'tools', 'e2e');
  const jest = join(e2e, 'node_modules', '.bin', 'jest');

  await step('copy the repository (tracked and new files, as in the working tree)', () => {
    const { copied, absent } = copyFiles(ROOT, repositoryFiles(ROOT), copy);
    recordBaseline(copy, copied, work);
    process.stdout.write(`${copied.length} files copied${absent.length ? `; ${absent.length} deleted in the working tree left out` : ''}\n`);
  });

  // The scaffold as a department runs it, from the copy's own package (built here: dist/ is not among the copied files).
  const port = nextFreePort(readSubgraphList(readFileSync(join(copy, SUBGRAPH_LIST_PATH), 'utf8')));
  cpSync(join(ROOT, SCAFFOLD, 'dist'), join(copy, SCAFFOLD, 'dist'), { recursive: true });
  await commandStep(
    `the scaffold: new-subgraph ${NEW_DEPARTMENT.name} --port ${port} (writes its folder and its entry in the subgraph list; the check installs and composes next, as its own steps)`,
    { command: process.execPath, args: [join(SCAFFOLD, NEW_SUBGRAPH_CLI), NEW_DEPARTMENT.name, '--port', String(port), '--no-compose'], cwd: copy, timeoutMs: 2 * MINUTE },
    logs,
  );
  await step(`the scaffold wrote ${NEW_DEPARTMENT.directory}/`, () => {
    ensure(existsSync(join(department, 'package.json')) && existsSync(join(department, 'src', 'testing', 'subgraph-testing.ts')), `${NEW_DEPARTMENT.directory} lacks its package.json or its testing entry`);
    process.stdout.write(`${testFilesUnder(join(department, 'src')).length} test files in ${NEW_DEPARTMENT.directory}\n`);
  });

  const install = { command: 'npx', cwd: copy, timeoutMs: 10 * MINUTE };
  // The lockfile gains the new package, so it may not be frozen (CI freezes it by default).
  const offline = await commandStep('install from the local store (--offline)', { ...install, args: [...PNPM, 'install', '--offline', '--no-frozen-lockfile'] }, logs, { mayFail: true });
  if (offline.exitCode !== 0) {
    steps[steps.length - 1].outcome = 'failed';
    notes.push('the offline install failed; the check fell back to --prefer-offline (see its log)');
    await commandStep('install (--prefer-offline)', { ...install, args: [...PNPM, 'install', '--prefer-offline', '--no-frozen-lockfile'] }, logs);
  }

  await commandStep('pnpm compose (build the schema and every service, compose the supergraph)', { command: 'npx', args: [...PNPM, 'compose'], cwd: copy, timeoutMs: 15 * MINUTE }, logs);
  const beforeInfra = changesSinceBaseline(copy);
  await commandStep('pnpm infra (the compose file and the Kubernetes manifests, from the subgraph list)', { command: 'npx', args: [...PNPM, 'infra'], cwd: copy, timeoutMs: 10 * MINUTE }, logs);
  // What the generator writes from the list is the department's to commit, not to edit: the check takes its layout from it.
  const infraWrote = await step(`pnpm infra wrote ${NEW_DEPARTMENT.name} into infra/`, () => {
    const wrote = changedBetween(beforeInfra, changesSinceBaseline(copy));
    const naming = wrote.filter((path) => existsSync(join(copy, path)) && readFileSync(join(copy, path), 'utf8').includes(NEW_DEPARTMENT.name));
    ensure(naming.length > 0, `no file pnpm infra changed names ${NEW_DEPARTMENT.name} (changed: ${wrote.join(', ') || 'none'})`);
    process.stdout.write(`${wrote.length} files changed, ${naming.length} naming ${NEW_DEPARTMENT.name}\n`);
    return wrote;
  });

  await step(`the supergraph serves ${NEW_DEPARTMENT.mutation} and Community.${NEW_DEPARTMENT.communityField} from ${NEW_DEPARTMENT.name}`, () => {
    const supergraph = readFileSync(join(copy, 'packages', 'schema', 'supergraph.graphql'), 'utf8');
    const problems = [
      notJoined(supergraph, 'Mutation', NEW_DEPARTMENT.mutation, NEW_DEPARTMENT.name),
      notJoined(supergraph, 'Community', NEW_DEPARTMENT.communityField, NEW_DEPARTMENT.name, 'code'),
    ].filter((problem): problem is string => problem !== null);
    ensure(problems.length === 0, problems.join('; '));
    ensure(supergraph.includes(`@join__graph(name: "${NEW_DEPARTMENT.name}", url: "http://localhost:${port}/graphql")`), `the supergraph does not route ${NEW_DEPARTMENT.name} to port ${port}`);
    const api = readFileSync(join(copy, 'packages', 'schema', 'api-schema.graphql'), 'utf8');
    ensure(api.includes(`${NEW_DEPARTMENT.mutation}(`) && api.includes(`${NEW_DEPARTMENT.communityField}:`), 'the API schema lacks the new fields');
  });

  // turbo run as a root script runs it: `pnpm exec` would put a relative ./node_modules/.bin first on PATH, and turbo, which looks
  // pnpm up once and runs it in every package's folder, would then find no pnpm there.
  const rootBinaries = join(copy, 'node_modules', '.bin');
  await commandStep(
    'build what the end-to-end tests load (the gateway and its libraries)',
    { command: join(rootBinaries, 'turbo'), args: ['run', 'build', '--filter=@shequ/e2e^...', '--output-logs=errors-only'], cwd: copy, timeoutMs: 15 * MINUTE, binaries: [rootBinaries] },
    logs,
  );

  const departmentBinaries = join(department, 'node_modules', '.bin');
  const ownTestsPath = join(work, 'department-tests.json');
  await commandStep(
    `${NEW_DEPARTMENT.name}'s own tests`,
    { command: join(departmentBinaries, 'jest'), args: ['--ci', '--json', `--outputFile=${ownTestsPath}`], cwd: department, timeoutMs: 10 * MINUTE },
    logs,
  );
  await step('every test file the scaffold wrote ran and passed', () => {
    const report = jestReport(ownTestsPath);
    ensure(report.numPendingTests === 0 && report.numTotalTests > 0, `the department's jest report has ${report.numTotalTests} tests, ${report.numPendingTests} skipped`);
    const wrong = testFilesNotPassed(report, testFilesUnder(join(department, 'src')));
    ensure(wrong.length === 0, wrong.join('; '));
  });
  // What a department's CI runs beside its tests: jest compiles the tests without checking their types.
  await commandStep(`${NEW_DEPARTMENT.name} typechecks, tests included`, { command: join(departmentBinaries, 'tsc'), args: ['-p', 'tsconfig.json', '--noEmit'], cwd: department, timeoutMs: 5 * MINUTE }, logs);
  await commandStep(`${NEW_DEPARTMENT.name} passes the workspace's lint rules`, { command: join(departmentBinaries, 'eslint'), args: ['src'], cwd: department, timeoutMs: 5 * MINUTE }, logs);

  const matrixPath = join(work, 'access-matrix.json');
  await commandStep('the authorisation matrix through the gateway', { command: jest, args: ['src/access-matrix.test.ts', '--ci', '--json', `--outputFile=${matrixPath}`], cwd: e2e, timeoutMs: 15 * MINUTE }, logs);
  await step('the matrix covered the new mutation and rule, and walked every case', () => {
    const report = jestReport(matrixPath);
    ensure(report.success && report.numFailedTests === 0 && report.numPendingTests === 0 && report.numTotalTests > 0, 'the matrix report is not a clean pass');
    for (const title of [MUTATION_COVERAGE, POLICY_COVERAGE, WALK]) {
      const test = testTitled(report, title);
      ensure(test.status === 'passed', `"${test.title}" ${test.status}`);
    }
  });

  await step(`nothing outside ${NEW_DEPARTMENT.directory}/ and the subgraph list changed, but generated files`, () => {
    const changes = changesSinceBaseline(copy);
    for (const change of changes) {
      process.stdout.write(`  ${change.status.padEnd(8)} ${change.path}\n`);
    }
    const unexpected = unexpectedChanges(changes, NEW_DEPARTMENT, infraWrote);
    ensure(unexpected.length === 0, `changed besides the department and generated files: ${unexpected.map((change) => change.path).join(', ')}`);
    const list = lineCounts(copy, 'packages/schema/src/subgraphs.ts');
    ensure(list.removed === 0 && list.added === 8, `the subgraph list should gain one 8-line entry, got +${list.added} −${list.removed}`);
    const expectedGenerated = [`${NEW_DEPARTMENT.directory}/schema.graphql`, 'packages/schema/supergraph.graphql', 'packages/schema/api-schema.graphql'];
    const otherGenerated = changes.filter((change) => change.path.endsWith('.graphql') && !expectedGenerated.includes(change.path));
    if (otherGenerated.length > 0) {
      // Another subgraph's SDL may name the departments (governance's does), or may have been stale in the working tree.
      notes.push(`other subgraphs' generated schemas changed too, and would be committed with the department: ${otherGenerated.map((change) => change.path).join(', ')}`);
    }
  });

  // The control: the same matrix, told the opposite of what the department does for its mutation, must fail on exactly that case.
  writeFileSync(join(department, 'src', 'testing', 'subgraph-testing.ts'), controlTestingEntry());
  await commandStep('control: rebuild the department with a wrong claim in its matrix cases', { command: join(departmentBinaries, 'tsc'), args: ['-p', 'tsconfig.build.json'], cwd: department, timeoutMs: 5 * MINUTE }, logs);
  const controlPath = join(work, 'access-matrix-control.json');
  await commandStep('control: the authorisation matrix again (expected to fail)', { command: jest, args: ['src/access-matrix.test.ts', '--ci', '--json', `--outputFile=${controlPath}`], cwd: e2e, timeoutMs: 15 * MINUTE }, logs, { mayFail: true });
  await step(`control: the walk reported ${NEW_DEPARTMENT.name}'s case and nothing else`, () => {
    const report = jestReport(controlPath);
    ensure(!report.success, 'the matrix passed although the department claimed the opposite of what it does');
    ensure(testTitled(report, MUTATION_COVERAGE).status === 'passed', `"${MUTATION_COVERAGE}…" did not pass in the control`);
    const walk = testTitled(report, WALK);
    ensure(walk.status === 'failed', `"${walk.title}" ${walk.status} in the control`);
    const mismatches = matrixMismatches(walk.failureMessages);
    const ours = `${NEW_DEPARTMENT.name} ${NEW_DEPARTMENT.mutation} `;
    for (const mismatch of mismatches) {
      process.stdout.write(`  ${mismatch}\n`);
    }
    ensure(mismatches.length > 0, 'the walk failed without listing mismatches');
    ensure(
      mismatches.every((mismatch) => mismatch.startsWith(ours)),
      `mismatches besides ${ours.trim()}: ${mismatches.filter((mismatch) => !mismatch.startsWith(ours)).join('; ')}`,
    );
    for (const expected of ['as community worker inside: expected allowed, got FORBIDDEN', `as ${NEW_DEPARTMENT.name} staff inside: expected FORBIDDEN, got allowed`]) {
      ensure(
        mismatches.some((mismatch) => mismatch.includes(expected)),
        `no mismatch "${expected}"`,
      );
    }
  });
}

function summary(passed: boolean, total: number): void {
  const width = Math.max(...steps.map((record) => record.name.length));
  process.stdout.write(`\n━━ new department check: ${passed ? 'passed' : 'FAILED'} in ${duration(total)}\n`);
  for (const record of steps) {
    process.stdout.write(`  ${record.name.padEnd(width)}  ${duration(record.seconds).padStart(10)}  ${record.outcome}${record.note ? ` — ${record.note}` : ''}\n`);
  }
  for (const note of notes) {
    process.stdout.write(`  note: ${note}\n`);
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'pnpm-workspace.yaml'))) {
    throw new Error(`${ROOT} is not the repository root: run the built file from packages/tools/e2e/dist/new-department/`);
  }
  const started = process.hrtime.bigint();
  const work = realpathSync(mkdtempSync(join(tmpdir(), 'shequ-new-department-')));
  // Run as root, the embedded PostgreSQL runs as a user of its own, which must reach the copy's binaries: mkdtemp's 0700 would refuse it.
  chmodSync(work, 0o755);
  process.stdout.write(`working in ${work}\n`);
  let passed = false;
  try {
    await check(work);
    passed = true;
  } catch (error) {
    process.stderr.write(`\n${error instanceof CheckFailed ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  summary(passed, Number(process.hrtime.bigint() - started) / 1e9);
  if (passed) {
    rmSync(work, { recursive: true, force: true });
  } else {
    process.stdout.write(`  kept for inspection: ${work} (the copy is a git repository: \`git -C ${join(work, 'repository')} status\`; logs in ${join(work, 'logs')})\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
