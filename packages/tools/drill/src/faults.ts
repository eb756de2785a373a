import { setTimeout as sleep } from 'node:timers/promises';
import { databaseSchemaOf } from '@shequ/schema';
import type { Answer, Outcome } from './answer';
import { holdRequestInFlight } from './in-flight-probe';
import type { DrillPlatform } from './platform';
import { SLOW_SUBGRAPH, subgraphOf } from './platform';

/** A signal or change the drill made, or a moment it observed while injecting, when (drill clock, ms). */
export interface Injection {
  at: number;
  what: string;
  /** Observed (a process ready again), not done by the drill. */
  observed?: boolean;
}

/** A process asked to stop with SIGTERM while the drill held a request in flight at it. */
export interface GracefulStop {
  process: string;
  /** 0 for a stop that went as planned. */
  exitCode: number | null;
  exitSignal: string | null;
  /** The held request: whether it was queued at the database when the signal went, and what its caller got. */
  inFlight: { queued: boolean; lockLost: string | null; outcome: Outcome; status: number | null; codes: string[]; departments: string[]; transport?: string };
}

export interface FaultResult {
  injections: Injection[];
  stops: GracefulStop[];
  /** The same held request with no signal, before the stops: what it gets is what a stop that finishes its requests gives. */
  control?: GracefulStop['inFlight'];
}

export interface FaultContext {
  platform: DrillPlatform;
  faultSeconds: number;
  subgraphTimeoutMs: number;
  recoveryLimitMs: number;
  /** A quick run: faults that act on every process may act on fewer. */
  smoke: boolean;
  /** Sends, through the gateway, a read that needs `process` (for the gateway: governance). */
  probe(process: string): Promise<Answer>;
  now(): number;
  log(line: string): void;
}

export type FaultId = 'hang' | 'kill' | 'rolling-restart' | 'database-crash' | 'slow' | 'gateway-restart' | 'replicas-rolling-restart';

export interface Fault {
  id: FaultId;
  title: string;
  /** A subgraph's fault, not the database's or the gateway's own: callers must get an answer from the gateway, and no 5xx for reads. */
  subgraphFault: boolean;
  /** Every read and write must answer in full throughout (the platform has room for the fault). */
  noFailures?: boolean;
  /** Injects the fault and returns when the drill stops injecting it; the platform's recovery is measured from then. */
  inject(context: FaultContext): Promise<FaultResult>;
}

const HUNG_SUBGRAPH = 'public-safety';

/** How long a request is held in flight after the SIGTERM: a stop that finishes its requests waits for it. */
export const HOLD_AFTER_SIGNAL_MS = 1500;

function signal(context: FaultContext, name: string, sig: NodeJS.Signals): Injection {
  const managed = context.platform.supervisor.process(name);
  if (!managed?.child.pid) {
    throw new Error(`${name} has no running process to send ${sig} to`);
  }
  managed.child.kill(sig);
  return { at: context.now(), what: `${sig} ${name} (pid ${managed.child.pid})` };
}

async function until(condition: () => Promise<boolean>, limitMs: number): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await condition()) {
      return true;
    }
    await sleep(200);
  }
  return false;
}

/** What a held request gets when nothing is stopped: the probe's control. */
async function holdWithoutStopping(context: FaultContext, name: string): Promise<GracefulStop['inFlight']> {
  const held = await holdRequestInFlight(context.platform.databaseUrl, databaseSchemaOf(subgraphOf(name)), () => context.probe(subgraphOf(name)));
  await sleep(HOLD_AFTER_SIGNAL_MS);
  const lockLost = held.lostLock();
  await held.release();
  return inFlightOf(held.waiting, lockLost, await held.answer);
}

function inFlightOf(queued: boolean, lockLost: string | null, answer: Answer): GracefulStop['inFlight'] {
  return {
    queued,
    lockLost,
    outcome: answer.outcome,
    status: answer.status,
    codes: answer.codes,
    departments: answer.departments,
    ...(answer.transport ? { transport: answer.transport } : {}),
  };
}

/**
 * SIGTERM to `name` with one request held in flight at it (its SQL queued
 * behind a lock the drill lets go of shortly after the signal), then waits
 * until the launcher has it serving again. Graceful means: the held request
 * is answered in full and the process exits 0.
 */
async function stopGracefully(context: FaultContext, name: string): Promise<{ injections: Injection[]; stop: GracefulStop }> {
  const { platform } = context;
  const before = platform.supervisor.process(name);
  if (!before) {
    throw new Error(`${name} has no running process`);
  }
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => before.child.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal })));
  // With two replicas the held request may be at either: whichever it is, it must be answered.
  const held = await holdRequestInFlight(platform.databaseUrl, databaseSchemaOf(name === 'gateway' ? 'governance' : subgraphOf(name)), () => context.probe(subgraphOf(name)));
  const injections = [signal(context, name, 'SIGTERM')];
  await sleep(HOLD_AFTER_SIGNAL_MS);
  const lockLost = held.lostLock();
  await held.release();
  const answer = await held.answer;
  // Unreferenced: a wait that lost the race must not keep the drill's process alive once it is done.
  const exit = await Promise.race([exited, sleep(context.recoveryLimitMs, undefined, { ref: false }).then(() => ({ code: null, signal: 'still running' }))]);
  injections.push({ at: context.now(), what: `${name} exited (code ${exit.code}, signal ${exit.signal ?? 'none'}); the request held in flight got ${answer.outcome}`, observed: true });
  const back = await until(async () => platform.supervisor.process(name) !== before && (await platform.readyStatus(name)) === 200, context.recoveryLimitMs);
  injections.push({ at: context.now(), what: back ? `${name} ready again` : `${name} not ready again within ${context.recoveryLimitMs / 1000} s`, observed: true });
  return {
    injections,
    stop: {
      process: name,
      exitCode: exit.code,
      exitSignal: exit.signal,
      inFlight: inFlightOf(held.waiting, lockLost, answer),
    },
  };
}

/** SIGTERM to each process in turn, the next once the last is serving again, with a request held in flight at each. */
async function restartInTurn(context: FaultContext, names: string[]): Promise<FaultResult> {
  const control = await holdWithoutStopping(context, names[0]);
  const result: FaultResult = { injections: [], stops: [], control };
  for (const name of names) {
    const { injections, stop } = await stopGracefully(context, name);
    result.injections.push(...injections);
    result.stops.push(stop);
  }
  return result;
}

export function faults(): Fault[] {
  return [
    {
      id: 'hang',
      title: `${HUNG_SUBGRAPH} hung (SIGSTOP, then SIGCONT)`,
      subgraphFault: true,
      async inject(context) {
        const stopped = signal(context, HUNG_SUBGRAPH, 'SIGSTOP');
        await sleep(context.faultSeconds * 1000);
        return { injections: [stopped, signal(context, HUNG_SUBGRAPH, 'SIGCONT')], stops: [] };
      },
    },
    {
      id: 'kill',
      title: `${HUNG_SUBGRAPH} killed (SIGKILL; the launcher restarts it)`,
      subgraphFault: true,
      async inject(context) {
        return { injections: [signal(context, HUNG_SUBGRAPH, 'SIGKILL')], stops: [] };
      },
    },
    {
      id: 'rolling-restart',
      title: 'rolling restart (SIGTERM to each subgraph in turn, the next once the last is ready again)',
      subgraphFault: true,
      inject: (context) => restartInTurn(context, context.platform.subgraphs),
    },
    {
      id: 'database-crash',
      title: 'PostgreSQL crashed (kill -9 of the postmaster; the database supervisor restarts it)',
      subgraphFault: false,
      async inject(context) {
        const pid = context.platform.postmasterPid();
        if (pid === null) {
          throw new Error('the embedded PostgreSQL has no postmaster to kill');
        }
        process.kill(pid, 'SIGKILL');
        return { injections: [{ at: context.now(), what: `SIGKILL postmaster (pid ${pid})` }], stops: [] };
      },
    },
    {
      id: 'slow',
      title: `${SLOW_SUBGRAPH} slow (every answer held past the gateway's deadline)`,
      subgraphFault: true,
      async inject(context) {
        const proxy = context.platform.slowProxy;
        proxy.delayMs = context.subgraphTimeoutMs + 1000;
        const slowed = { at: context.now(), what: `${SLOW_SUBGRAPH} answers held ${proxy.delayMs} ms` };
        await sleep(context.faultSeconds * 1000);
        proxy.delayMs = 0;
        return { injections: [slowed, { at: context.now(), what: `${SLOW_SUBGRAPH} answers on time` }], stops: [] };
      },
    },
    {
      id: 'gateway-restart',
      title: 'gateway restarted (SIGTERM; the launcher restarts it)',
      subgraphFault: false,
      async inject(context) {
        const { injections, stop } = await stopGracefully(context, 'gateway');
        return { injections, stops: [stop] };
      },
    },
    {
      // Last: the second replicas stay up to the end, and the faults before it are each measured against one replica.
      id: 'replicas-rolling-restart',
      title: 'rolling restart with two replicas of every subgraph (SIGTERM to each replica in turn, the next once the last is ready again)',
      subgraphFault: true,
      noFailures: true,
      async inject(context) {
        // The smoke run restarts the subgraph answering the root fields and the one taking the writes.
        const subgraphs = context.platform.subgraphs.filter((name) => !context.smoke || name === 'governance' || name === 'service-delivery');
        const started = context.now();
        const replicas = await context.platform.startSecondReplicas(subgraphs);
        const ready = { at: context.now(), what: `second replicas of ${subgraphs.join(', ')} ready (${((context.now() - started) / 1000).toFixed(1)} s to start)`, observed: true };
        const result = await restartInTurn(context, subgraphs.flatMap((name, index) => [name, replicas[index]]));
        return { ...result, injections: [ready, ...result.injections] };
      },
    },
  ];
}

/** When the drill stopped injecting: its last signal or change. What follows is the platform's recovery (a restart included). */
export function faultEnd(injections: Injection[]): number {
  return Math.max(...injections.filter((injection) => !injection.observed).map((injection) => injection.at));
}
