import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface BoundedCommand {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Everything the command prints goes here as well as to this process's output. */
  logPath: string;
}

export interface CommandResult {
  exitCode: number | null;
  timedOut: boolean;
  seconds: number;
}

/** How long a command ended for running too long has to stop before it is killed outright. */
const GRACE_MS = 10_000;

let running: ChildProcess | null = null;

/**
 * Ends the command running now and everything it started (pnpm, turbo,
 * jest and their children share its process group), and nothing else.
 * `running` is cleared once the command's output has closed, so a group id
 * whose processes are all gone (and that the system may hand out again) is
 * never signalled.
 */
function endRunningGroup(signal: NodeJS.Signals): void {
  if (running?.pid !== undefined) {
    try {
      process.kill(-running.pid, signal);
    } catch {
      // The group is already gone.
    }
  }
}

// Each command leads a process group of its own (so that a timeout can end the whole group), which also means an
// interrupt at the terminal no longer reaches it: pass it on.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    endRunningGroup('SIGTERM');
    process.stderr.write(`\ninterrupted (${signal})\n`);
    process.exit(130);
  });
}

/**
 * Runs one command with a time limit; when the limit passes, its whole
 * process group is asked to stop, then killed. Resolves when the command
 * has exited, whatever its status.
 */
export function runBounded(spec: BoundedCommand): Promise<CommandResult> {
  const started = process.hrtime.bigint();
  const log = createWriteStream(spec.logPath, { flags: 'a' });
  log.write(`$ ${[spec.command, ...spec.args].join(' ')}\n  (in ${spec.cwd})\n`);
  return new Promise((resolve) => {
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running = child;
    let timedOut = false;
    let finished = false;
    let exitCode: number | null = null;
    let killer: NodeJS.Timeout | undefined;
    let abandon: NodeJS.Timeout | undefined;
    const finish = () => {
      if (finished) {
        return;
      }
      finished = true;
      clearTimeout(limit);
      clearTimeout(killer);
      clearTimeout(abandon);
      running = null;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      log.end(`\n[exit ${exitCode ?? 'by signal'}${timedOut ? ', timed out' : ''} after ${seconds.toFixed(1)} s]\n`, () => resolve({ exitCode, timedOut, seconds }));
    };
    const limit = setTimeout(() => {
      timedOut = true;
      endRunningGroup('SIGTERM');
      killer = setTimeout(() => endRunningGroup('SIGKILL'), GRACE_MS);
      // A process that left the group could hold the output pipes open for ever: stop waiting for them.
      abandon = setTimeout(finish, 2 * GRACE_MS);
    }, spec.timeoutMs);
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk: Buffer) => {
        log.write(chunk);
        process.stdout.write(chunk);
      });
    }
    child.on('error', (error) => {
      log.write(`could not start: ${error.message}\n`);
      finish();
    });
    child.on('exit', (code) => {
      exitCode = code;
    });
    child.on('close', finish);
  });
}
