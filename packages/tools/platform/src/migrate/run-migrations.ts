import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT, type SubgraphEntry } from '@shequ/schema';
import type { MigrationPlan } from './migrate-arguments';

/** One subgraph's run of its migration command. */
export interface MigrationOutcome {
  subgraph: string;
  exitCode: number | null;
}

/** `node <service>/dist/main.js migrate <command>`: the service's own entry point, as its image runs it. */
export function serviceMain(entry: SubgraphEntry): string {
  return join(REPOSITORY_ROOT, entry.directory, 'dist', 'main.js');
}

function runServiceCommand(entry: SubgraphEntry, command: string, env: NodeJS.ProcessEnv, say: (line: string) => void): Promise<number | null> {
  if (!existsSync(serviceMain(entry))) {
    say(`${entry.name}: ${entry.directory}/dist/main.js is missing: build the service first (\`pnpm migrate\` does)`);
    return Promise.resolve(1);
  }
  return new Promise((resolve, reject) => {
    // Its lines already name the subgraph; they reach the terminal as they come.
    const child = spawn(process.execPath, [serviceMain(entry), 'migrate', command], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
}

/**
 * Runs the plan's command for each of its subgraphs in turn, each by its
 * service's own entry point with `env`. `up` and `down` stop at the first
 * subgraph that fails (the ones after it are left as they were, and said
 * so); `status` asks every one. Returns what each did.
 */
export async function runMigrations(plan: MigrationPlan, env: NodeJS.ProcessEnv, say: (line: string) => void): Promise<MigrationOutcome[]> {
  const outcomes: MigrationOutcome[] = [];
  for (const [index, entry] of plan.subgraphs.entries()) {
    const exitCode = await runServiceCommand(entry, plan.command, env, say);
    outcomes.push({ subgraph: entry.name, exitCode });
    if (exitCode !== 0 && plan.command !== 'status') {
      const untouched = plan.subgraphs.slice(index + 1).map((next) => next.name);
      if (untouched.length > 0) {
        say(`stopped: ${entry.name} failed, so ${untouched.join(', ')} ${untouched.length === 1 ? 'was' : 'were'} not migrated ${plan.command}`);
      }
      break;
    }
  }
  return outcomes;
}
