import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNodeProcess, type ManagedProcess } from './child-process';
import { RestartBackoff } from './restart-backoff';
import { Supervisor, type SupervisedChild } from './supervisor';

// A tiny child: records its pid in STARTS_FILE (that is "ready"), then idles; with CRASH_AFTER_FIRST every later start exits with code 3.
const CHILD_SCRIPT = `
const fs = require('node:fs');
fs.appendFileSync(process.env.STARTS_FILE, process.pid + '\\n');
const starts = fs.readFileSync(process.env.STARTS_FILE, 'utf8').trim().split('\\n').length;
if (process.env.CRASH_AFTER_FIRST && starts > 1) process.exit(3);
setInterval(() => undefined, 1000);
process.on('SIGTERM', () => process.exit(0));
`;

let folder: string;
let script: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'shequ-supervisor-'));
  script = join(folder, 'child.js');
  writeFileSync(script, CHILD_SCRIPT);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function startsOf(file: string): number[] {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function tinyChild(name: string, env: Record<string, string> = {}): SupervisedChild & { startsFile: string } {
  const startsFile = join(folder, `${name}-${Date.now()}.starts`);
  return {
    name,
    startsFile,
    start: () => startNodeProcess(name, script, { STARTS_FILE: startsFile, ...env }, [], true),
    waitUntilReady: async (managed: ManagedProcess) => {
      let exited = false;
      void managed.exited.then(() => (exited = true));
      await waitFor(() => exited || startsOf(startsFile).includes(managed.child.pid as number), `${name} to start`);
      if (exited && !startsOf(startsFile).includes(managed.child.pid as number)) {
        throw new Error(`${name} exited before it was ready`);
      }
    },
  };
}

const isRunning = (managed: ManagedProcess | undefined) => managed !== undefined && managed.child.exitCode === null && managed.child.signalCode === null;

describe('the supervisor', () => {
  it('restarts a child killed with SIGKILL, logs it, and leaves the others running', async () => {
    const lines: string[] = [];
    const supervisor = new Supervisor({ log: (line) => lines.push(line), backoff: { initialMs: 50, maxMs: 1000, resetAfterMs: 60_000 } });
    const crashing = tinyChild('crashing');
    const steady = tinyChild('steady');
    try {
      await Promise.all([supervisor.add(crashing), supervisor.add(steady)]);
      const first = supervisor.process('crashing') as ManagedProcess;
      const steadyProcess = supervisor.process('steady') as ManagedProcess;
      first.child.kill('SIGKILL');
      await waitFor(() => lines.includes('crashing is ready again (restart 1)'), 'the restart');

      expect(lines).toContain('crashing exited with code null (signal SIGKILL); restarting in 50 ms');
      expect(supervisor.process('crashing')?.child.pid).not.toBe(first.child.pid);
      expect(isRunning(supervisor.process('crashing'))).toBe(true);
      expect(startsOf(crashing.startsFile)).toHaveLength(2);
      // The other child is the very process started first, never restarted.
      expect(supervisor.process('steady')).toBe(steadyProcess);
      expect(isRunning(steadyProcess)).toBe(true);
      expect(supervisor.restartCount('steady')).toBe(0);
    } finally {
      await supervisor.stop();
    }
    expect(isRunning(supervisor.process('crashing'))).toBe(false);
    expect(isRunning(supervisor.process('steady'))).toBe(false);
  });

  it('waits longer after each crash of a crash loop, up to the cap, and stops restarting once stopped', async () => {
    const lines: string[] = [];
    const supervisor = new Supervisor({ log: (line) => lines.push(line), backoff: { initialMs: 20, maxMs: 80, resetAfterMs: 60_000 } });
    const looping = tinyChild('looping', { CRASH_AFTER_FIRST: 'yes' });
    const delays = () => lines.filter((line) => line.startsWith('looping exited')).map((line) => Number(/restarting in (\d+) ms/.exec(line)?.[1]));
    await supervisor.add(looping);
    (supervisor.process('looping') as ManagedProcess).child.kill('SIGKILL');
    await waitFor(() => delays().length >= 5, 'five crashes');
    expect(delays().slice(0, 5)).toEqual([20, 40, 80, 80, 80]);
    expect(lines.filter((line) => line.startsWith('looping exited')).slice(1)[0]).toBe('looping exited with code 3 (signal none); restarting in 40 ms');

    await supervisor.stop();
    const startsAtStop = startsOf(looping.startsFile).length;
    // Far longer than the cap: a restart still scheduled would have happened by now.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(startsOf(looping.startsFile)).toHaveLength(startsAtStop);
    expect(isRunning(supervisor.process('looping'))).toBe(false);
  });

  it('ends a pending backoff wait when stopped, instead of starting the child afterwards', async () => {
    const lines: string[] = [];
    const supervisor = new Supervisor({ log: (line) => lines.push(line), backoff: { initialMs: 1500, maxMs: 1500, resetAfterMs: 60_000 } });
    const child = tinyChild('waiting');
    await supervisor.add(child);
    (supervisor.process('waiting') as ManagedProcess).child.kill('SIGKILL');
    await waitFor(() => lines.some((line) => line.includes('restarting in 1500 ms')), 'the crash to be seen');
    await supervisor.stop();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(startsOf(child.startsFile)).toHaveLength(1);
    expect(supervisor.restartCount('waiting')).toBe(0);
  });
});

describe('the restart backoff', () => {
  it('doubles up to its cap and starts again from the first wait after a long enough run', () => {
    const backoff = new RestartBackoff({ initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000 });
    const waits = Array.from({ length: 9 }, () => backoff.next(1000));
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(backoff.next(60_000)).toBe(500);
    expect(backoff.next(59_999)).toBe(1000);
  });
});
