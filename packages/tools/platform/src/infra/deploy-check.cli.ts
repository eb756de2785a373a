import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '@shequ/database';
import { GATEWAY_PORT, REPOSITORY_ROOT, SUBGRAPHS } from '@shequ/schema';
import { copyWorkspace, deployPackage, devOnlyPackagesIn, diskUsage, startDeployed } from './deploy-check';
import { deployables, type Deployable } from './deployment';

const USAGE = 'usage: pnpm infra:check-deploys [@shequ/<package> …] [--database-url postgres://… (a database the check may migrate)] [--keep]';

/** pnpm as this script was started by it (`npm_execpath`), so the copy is installed and deployed by the same version. */
function pnpmCommand(): string[] {
  const execPath = process.env.npm_execpath;
  if (!execPath || !basename(execPath).includes('pnpm')) {
    throw new Error(`run this through pnpm: npx -y pnpm@10.34.9 infra:check-deploys\n${USAGE}`);
  }
  return execPath.endsWith('.cjs') || execPath.endsWith('.js') ? [process.execPath, execPath] : [execPath];
}

/** What a deployed process is started with for a full start: its own port, throwaway secrets, the given database. */
async function startEnvironment(deployable: Deployable, out: string, databaseUrl: string): Promise<{ env: NodeJS.ProcessEnv; url: string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    JWT_SECRET: randomBytes(32).toString('hex'),
    SUBGRAPH_SIGNING_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
  };
  if (deployable.subgraph) {
    env[deployable.subgraph.databaseUrlVariable] = databaseUrl;
    return { env, url: `http://127.0.0.1:${port}/ready` };
  }
  env.SUPERGRAPH_PATH = join(out, 'node_modules', '@shequ', 'schema', 'supergraph.graphql');
  return { env, url: `http://127.0.0.1:${port}/health` };
}

/**
 * `pnpm infra:check-deploys`: what each image's runtime stage would hold,
 * without a container engine. It copies the built workspace to a temporary
 * folder, installs it, runs the Dockerfile's `pnpm deploy --prod --legacy`
 * for each service and the gateway, and reports the folder's size, any
 * development-only package in it (which fails the check), and whether
 * `node dist/main.js` gets as far as validating its environment; with
 * --database-url, whether it starts and answers. A script rather than a
 * test: the copy, the install and six deploys take minutes.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'database-url': { type: 'string' }, keep: { type: 'boolean', default: false } } });
  const all = deployables(SUBGRAPHS, GATEWAY_PORT);
  const unknown = positionals.filter((name) => !all.some((deployable) => deployable.packageName === name));
  if (unknown.length > 0) {
    throw new Error(`not a deployed package: ${unknown.join(', ')} (one of ${all.map((deployable) => deployable.packageName).join(', ')})\n${USAGE}`);
  }
  const selected = positionals.length > 0 ? all.filter((deployable) => positionals.includes(deployable.packageName)) : all;
  const pnpm = pnpmCommand();
  const scratch = mkdtempSync(join(tmpdir(), 'shequ-deploy-check-'));
  const say = (line: string) => process.stdout.write(`${line}\n`);
  let failed = false;
  try {
    const workspace = join(scratch, 'workspace');
    say(`copying and installing the workspace in ${workspace}…`);
    copyWorkspace(REPOSITORY_ROOT, workspace, pnpm);
    for (const deployable of selected) {
      const out = join(scratch, deployable.name);
      deployPackage(workspace, deployable.packageName, out, pnpm);
      const devOnly = devOnlyPackagesIn(out);
      const validation = await startDeployed(out, { PATH: process.env.PATH, NODE_ENV: 'production' }, null);
      say(`${deployable.packageName}: ${diskUsage(out)}; development-only packages: ${devOnly.length === 0 ? 'none' : devOnly.join(', ')}`);
      say(`  no configuration: ${validation.ok ? 'ok, ' : 'FAILED, '}${validation.detail}`);
      failed ||= devOnly.length > 0 || !validation.ok;
      if (values['database-url']) {
        const { env, url } = await startEnvironment(deployable, out, values['database-url']);
        const started = await startDeployed(out, env, url);
        say(`  full start: ${started.ok ? 'ok, ' : 'FAILED, '}${started.detail}`);
        failed ||= !started.ok;
      }
    }
  } finally {
    if (values.keep) {
      say(`kept ${scratch}`);
    } else {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  if (failed) {
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
