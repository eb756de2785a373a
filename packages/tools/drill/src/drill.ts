import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { signToken } from '@shequ/kit';
import { call, type Answer, type Outcome } from './answer';
import { faultEnd, faults, type Fault, type GracefulStop, type Injection } from './faults';
import { LoadGenerator } from './load';
import { probeOperation, readOperations, type ReadKind, type ReadOperation } from './operations';
import { DRILL_JWT_SECRET, startDrillPlatform, type DrillPlatform } from './platform';
import { timeToRecover } from './recovery';
import type { DrillReport } from './report';
import type { DrillSettings } from './settings';
import { countCalls, writesWithin, type FaultSummary } from './summary';
import { auditWrites } from './write-audit';

/** Every read and write goes to one prefecture (Lanzhou) and one of its communities. */
const PREFECTURE = '620100';

interface FaultRun {
  fault: Fault;
  startedAt: number;
  endedAt: number;
  injections: Injection[];
  stops: GracefulStop[];
  control?: GracefulStop['inFlight'];
  restartsBefore: Record<string, number>;
  restartsAfter: Record<string, number>;
}

async function firstCommunity(databaseUrl: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ code: string }>(`SELECT code FROM governance.community WHERE left(code, 4) = $1 ORDER BY code LIMIT 1`, [PREFECTURE.slice(0, 4)]);
    return rows[0].code;
  } finally {
    await client.end();
  }
}

function restartCounts(platform: DrillPlatform): Record<string, number> {
  return {
    ...Object.fromEntries([...platform.subgraphs, 'gateway'].map((name) => [name, platform.supervisor.restartCount(name)])),
    PostgreSQL: platform.databaseSupervisor.restarts,
  };
}

/** Waits until every read has answered in full for a while after `since`; the time it took, or null past the limit. */
async function waitForRecovery(answers: readonly Answer[], since: number, settings: DrillSettings, now: () => number): Promise<number | null> {
  while (now() - since < settings.recoveryLimitMs) {
    const recovered = timeToRecover(answers, since, now(), settings.stableMs);
    if (recovered !== null) {
      return recovered;
    }
    await sleep(250);
  }
  return null;
}

/**
 * The drill: the platform started on its own, callers reading and writing
 * through the gateway throughout, each fault injected once while they do,
 * and, per fault, what the callers got, how long until every read answered
 * in full again, and whether any acknowledged write was lost or stored twice.
 */
export async function runDrill(settings: DrillSettings, log: (line: string) => void): Promise<{ report: DrillReport; stamp: string }> {
  const startedAt = new Date();
  const epoch = performance.now();
  const now = () => Math.round(performance.now() - epoch);
  const stamp = `${startedAt.toISOString().replace(/[:.]/g, '-')}${settings.smoke ? '-smoke' : ''}`;
  mkdirSync(settings.resultsDir, { recursive: true });
  const platform = await startDrillPlatform({ subgraphTimeoutMs: settings.subgraphTimeoutMs, logFile: join(settings.resultsDir, `${stamp}.log`), log });
  const startMs = now();
  log(`platform up in ${(startMs / 1000).toFixed(1)} s: ${platform.gatewayUrl}`);
  let load: LoadGenerator | undefined;
  try {
    const communityCode = await firstCommunity(platform.databaseUrl);
    const keyPrefix = `drill-${startedAt.getTime().toString(36)}${randomBytes(3).toString('hex')}`;
    const token = (sub: string, role: 'analyst' | 'resident') => signToken({ sub, roles: [role], jurisdiction: PREFECTURE }, DRILL_JWT_SECRET);
    const traffic = new LoadGenerator({
      gatewayUrl: platform.gatewayUrl,
      prefectureCode: PREFECTURE,
      communityCode,
      callers: settings.callers,
      token,
      keyPrefix,
      clientTimeoutMs: settings.clientTimeoutMs,
      writeRetryLimitMs: settings.writeRetryLimitMs,
      now,
    });
    load = traffic;
    traffic.start();
    const loadStartedAt = now();
    if ((await waitForRecovery(traffic.answers, loadStartedAt, settings, now)) === null) {
      throw new Error(`the platform did not answer every read in full within ${settings.recoveryLimitMs / 1000} s of starting, before any fault`);
    }

    const runs: FaultRun[] = [];
    for (const fault of faults()) {
      const restartsBefore = restartCounts(platform);
      const faultStartedAt = now();
      log(`fault ${fault.id}: ${fault.title}`);
      const { injections, stops, control } = await fault.inject({
        platform,
        faultSeconds: settings.faultSeconds,
        subgraphTimeoutMs: settings.subgraphTimeoutMs,
        recoveryLimitMs: settings.recoveryLimitMs,
        smoke: settings.smoke,
        probe: (process) => send(platform, probeOperation(process, PREFECTURE), token('drill-probe', 'analyst'), settings, now),
        now,
        log,
      });
      const endedAt = faultEnd(injections);
      const recovered = await waitForRecovery(traffic.answers, endedAt, settings, now);
      log(`fault ${fault.id}: ${recovered === null ? 'not recovered' : `every read in full again ${(recovered / 1000).toFixed(1)} s after the fault's end`}`);
      runs.push({ fault, startedAt: faultStartedAt, endedAt, injections, stops, control, restartsBefore, restartsAfter: restartCounts(platform) });
    }
    log('stopping the load (writes still being retried are finished)');
    await traffic.stop(true);
    const loadStoppedAt = now();
    // Every answer as it came, one JSON line each, beside the report: the evidence behind its counts.
    writeFileSync(join(settings.resultsDir, `${stamp}.answers.jsonl`), `${traffic.answers.map((answer) => JSON.stringify(answer)).join('\n')}\n`);
    const endState = await probeEveryRead(platform, token('drill-probe', 'analyst'), settings, now);
    const audit = await auditWrites(platform.databaseUrl, keyPrefix, traffic.ledger.all());

    const summaries = runs.map((run, index) => summarise(run, runs[index + 1]?.startedAt ?? loadStoppedAt, traffic.answers, audit, settings.stableMs));
    const baselineAnswers = traffic.answers.filter((answer) => answer.kind !== 'write' && answer.endedAt < runs[0].startedAt);
    const report: DrillReport = {
      startedAt: startedAt.toISOString(),
      smoke: settings.smoke,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
      settings: { faultSeconds: settings.faultSeconds, subgraphTimeoutMs: settings.subgraphTimeoutMs, callers: settings.callers, stableMs: settings.stableMs },
      durations: { startSeconds: round(startMs / 1000), faultsSeconds: round((loadStoppedAt - runs[0].startedAt) / 1000), totalSeconds: 0 },
      baseline: countCalls(baselineAnswers),
      faults: summaries,
      writes: {
        sent: audit.sent,
        acknowledged: audit.acknowledged,
        abandoned: audit.abandoned,
        lost: audit.lost.length,
        duplicated: audit.duplicated.length,
        mismatched: audit.mismatched.length,
        storedUnacknowledged: audit.storedUnacknowledged.length,
        findings: { lost: audit.lost, duplicated: audit.duplicated, mismatched: audit.mismatched, storedUnacknowledged: audit.storedUnacknowledged },
      },
      endState,
      findings: [],
    };
    report.findings = findingsOf(report, traffic.answers);
    report.durations.totalSeconds = round(now() / 1000);
    return { report, stamp };
  } finally {
    // Stopped already when the drill got this far; stopped here, without waiting on retries, when it failed.
    await load?.stop(false);
    await platform.stop();
  }
}

const round = (value: number) => Math.round(value * 10) / 10;

function summarise(run: FaultRun, windowEnd: number, answers: readonly Answer[], audit: Awaited<ReturnType<typeof auditWrites>>, stableMs: number): FaultSummary {
  // An answer belongs to the window it arrived in: one sent just before an injection and spoiled by it counts against the fault.
  const inWindow = answers.filter((answer) => answer.endedAt >= run.startedAt && answer.endedAt < windowEnd);
  const reads = inWindow.filter((answer) => answer.kind !== 'write');
  const writeAttempts = inWindow.filter((answer) => answer.kind === 'write');
  const byKind = (kind: ReadKind) => countCalls(reads.filter((answer) => answer.kind === kind));
  const ownInjections = run.injections.filter((injection) => !injection.observed);
  const injectionDuring = (answer: Answer) => ownInjections.find((injection) => answer.startedAt < injection.at && answer.endedAt > injection.at);
  const inFlight = inWindow.filter((answer) => injectionDuring(answer));
  const spoiled = inFlight.filter((answer) => answer.outcome !== 'full');
  const restarts = Object.fromEntries(Object.entries(run.restartsAfter).flatMap(([name, after]) => (after > (run.restartsBefore[name] ?? 0) ? [[name, after - (run.restartsBefore[name] ?? 0)]] : [])));
  return {
    id: run.fault.id,
    title: run.fault.title,
    subgraphFault: run.fault.subgraphFault,
    noFailures: run.fault.noFailures ?? false,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    windowEnd,
    injections: run.injections,
    stops: run.stops,
    ...(run.control ? { control: run.control } : {}),
    reads: countCalls(reads),
    readsByKind: { dashboard: byKind('dashboard'), 'one-department': byKind('one-department') },
    writeAttempts: countCalls(writeAttempts),
    writes: writesWithin(
      audit,
      answers.filter((answer) => answer.kind === 'write'),
      run.startedAt,
      windowEnd,
    ),
    inFlightAtInjection: {
      total: inFlight.length,
      full: inFlight.length - spoiled.length,
      others: spoiled.map((answer) => ({
        injection: injectionDuring(answer)?.what as string,
        kind: answer.kind,
        outcome: answer.outcome,
        status: answer.status,
        codes: answer.codes,
        departments: answer.departments,
        ...(answer.transport ? { transport: answer.transport } : {}),
      })),
    },
    timeToRecoverMs: timeToRecover(answers, run.endedAt, windowEnd, stableMs),
    restarts,
  };
}

/** One read sent by the drill itself, outside the load. */
function send(platform: DrillPlatform, operation: ReadOperation, token: string, settings: DrillSettings, now: () => number): Promise<Answer> {
  return call({
    kind: 'probe',
    caller: 'drill-probe',
    url: platform.gatewayUrl,
    token,
    query: operation.query,
    variables: operation.variables,
    timeoutMs: settings.clientTimeoutMs,
    isComplete: operation.isComplete,
    answeredSomething: (data) => Object.values(data ?? {}).some((value) => value !== null && value !== undefined),
    now,
  });
}

/** Each read once more, alone, after the load stopped: the platform's state at the end. */
async function probeEveryRead(platform: DrillPlatform, token: string, settings: DrillSettings, now: () => number): Promise<Record<string, Outcome>> {
  const state: Record<string, Outcome> = {};
  for (const operation of readOperations(PREFECTURE)) {
    state[operation.kind] = (await send(platform, operation, token, settings, now)).outcome;
  }
  return state;
}

/** What the drill calls wrong, whatever the fault: each finding names the fault, what callers got and how often. */
function findingsOf(report: DrillReport, answers: readonly Answer[]): string[] {
  const findings: string[] = [];
  for (const fault of report.faults) {
    const reads = fault.reads;
    if (fault.subgraphFault && reads.outcomes['http-5xx'] > 0) {
      findings.push(`${fault.id}: the gateway answered ${reads.outcomes['http-5xx']} reads with HTTP 5xx (${JSON.stringify(reads.statuses)}; codes ${JSON.stringify(reads.codes)}) while only a subgraph was down`);
    }
    if (fault.subgraphFault && reads.outcomes.transport > 0) {
      findings.push(`${fault.id}: ${reads.outcomes.transport} reads got no HTTP answer from the gateway (${JSON.stringify(reads.transport)})`);
    }
    for (const [what, counts] of [
      ['reads', reads],
      ['write attempts', fault.writeAttempts],
    ] as const) {
      if (counts.outcomes['partial-unnamed'] > 0) {
        findings.push(`${fault.id}: ${counts.outcomes['partial-unnamed']} ${what} answered in part with an error missing its code, department or path (codes ${JSON.stringify(counts.codes)})`);
      }
      if (counts.outcomes['uncoded-error'] > 0) {
        findings.push(`${fault.id}: ${counts.outcomes['uncoded-error']} ${what} answered with an uncoded error or a body that is not GraphQL`);
      }
      if (counts.codes.INTERNAL_SERVER_ERROR) {
        findings.push(`${fault.id}: ${what} carried INTERNAL_SERVER_ERROR ${counts.codes.INTERNAL_SERVER_ERROR} times (codes ${JSON.stringify(counts.codes)})`);
      }
    }
    const inWindow = answers.filter((answer) => answer.endedAt >= fault.startedAt && answer.endedAt < fault.windowEnd);
    const unavailableWithoutRetryAfter = inWindow.filter((answer) => answer.codes.includes('SERVICE_UNAVAILABLE') && answer.retryAfter === null).length;
    if (unavailableWithoutRetryAfter > 0) {
      findings.push(`${fault.id}: ${unavailableWithoutRetryAfter} answers carried SERVICE_UNAVAILABLE without Retry-After`);
    }
    if (fault.timeToRecoverMs === null) {
      findings.push(`${fault.id}: reads did not all answer in full again before the next fault (${((fault.windowEnd - fault.endedAt) / 1000).toFixed(1)} s after its end)`);
    }
    // A held request that fails without any stop says the probe, not the stop, is at fault.
    const probeWorks = !fault.control || fault.control.outcome === 'full';
    if (!probeWorks) {
      findings.push(`${fault.id}: the in-flight probe's control (a request held with no stop) got ${fault.control?.outcome}: what the stops' held requests got says nothing`);
    }
    for (const stop of fault.stops) {
      const request = stop.inFlight;
      if (probeWorks && request.queued && request.lockLost === null && request.outcome !== 'full') {
        findings.push(
          `${fault.id}: a request in flight at ${stop.process} when it got SIGTERM was not finished: the caller got ${request.outcome}` +
            `${request.status !== null ? ` (HTTP ${request.status}${request.codes.length ? `, ${[...new Set(request.codes)].join('/')}` : ''}${request.departments.length ? ` naming ${request.departments.join('/')}` : ''})` : ` (${request.transport})`}`,
        );
      }
      if (stop.exitCode !== 0) {
        findings.push(`${fault.id}: ${stop.process} exited with code ${stop.exitCode} (signal ${stop.exitSignal ?? 'none'}) after SIGTERM, not 0`);
      }
    }
    if (fault.noFailures) {
      const failedReads = reads.total - reads.outcomes.full;
      const failedWrites = fault.writeAttempts.total - fault.writeAttempts.outcomes.full;
      if (failedReads > 0 || failedWrites > 0) {
        findings.push(`${fault.id}: ${failedReads} reads and ${failedWrites} write attempts did not answer in full (codes ${JSON.stringify({ ...reads.codes, ...fault.writeAttempts.codes })}; ${JSON.stringify({ ...reads.transport, ...fault.writeAttempts.transport })})`);
      }
    }
    if (fault.id === 'database-crash') {
      const restarted = Object.keys(fault.restarts).filter((name) => name !== 'PostgreSQL');
      if (restarted.length) {
        findings.push(`database-crash: processes were restarted instead of reconnecting by themselves: ${restarted.join(', ')}`);
      }
      if (!fault.restarts.PostgreSQL) {
        findings.push('database-crash: the database supervisor did not restart PostgreSQL');
      }
    }
    if (fault.writes.lost.length || fault.writes.duplicated.length || fault.writes.mismatched.length) {
      findings.push(`${fault.id}: writes lost ${fault.writes.lost.length}, duplicated ${fault.writes.duplicated.length}, acknowledged under another id ${fault.writes.mismatched.length}: ${JSON.stringify([...fault.writes.lost, ...fault.writes.duplicated, ...fault.writes.mismatched].slice(0, 5))}`);
    }
  }
  if (report.writes.abandoned > 0) {
    findings.push(`${report.writes.abandoned} service requests were given up without an acknowledgement (${report.writes.storedUnacknowledged} of them stored all the same)`);
  }
  const notFull = Object.entries(report.endState).filter(([, outcome]) => outcome !== 'full');
  if (notFull.length) {
    findings.push(`after the drill, reads did not answer in full: ${notFull.map(([kind, outcome]) => `${kind} ${outcome}`).join(', ')}`);
  }
  return findings;
}
