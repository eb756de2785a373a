import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Outcome } from './answer';
import { HOLD_AFTER_SIGNAL_MS } from './faults';
import { describe, type FaultSummary } from './summary';
import type { WriteAudit } from './write-audit';

export interface DrillReport {
  startedAt: string;
  smoke: boolean;
  machine: string;
  settings: { faultSeconds: number; subgraphTimeoutMs: number; callers: { dashboard: number; oneDepartment: number; writers: number }; stableMs: number };
  /** Seconds: starting the platform (PostgreSQL, demo data, processes), the faults under load, and the whole run. */
  durations: { startSeconds: number; faultsSeconds: number; totalSeconds: number };
  /** Calls before the first fault: what the platform answers when nothing is wrong. */
  baseline: FaultSummary['reads'];
  faults: FaultSummary[];
  writes: Omit<WriteAudit, 'lost' | 'duplicated' | 'mismatched' | 'storedUnacknowledged'> & { lost: number; duplicated: number; mismatched: number; storedUnacknowledged: number; findings: Pick<WriteAudit, 'lost' | 'duplicated' | 'mismatched' | 'storedUnacknowledged'> };
  /** Each read sent once more after the load stopped. */
  endState: Record<string, Outcome>;
  /** What the drill flags as wrong, each with its evidence. */
  findings: string[];
}

const seconds = (ms: number | null) => (ms === null ? 'not recovered' : `${(ms / 1000).toFixed(1)} s`);

export function toMarkdown(report: DrillReport): string {
  const lines = [
    `# Fault drill ${report.startedAt}${report.smoke ? ' (smoke)' : ''}`,
    '',
    `${report.machine}. Demo data; ${report.settings.callers.dashboard} dashboard readers, ${report.settings.callers.oneDepartment} one-department readers, ${report.settings.callers.writers} writers; ` +
      `lasting faults ${report.settings.faultSeconds} s; gateway subgraph deadline ${report.settings.subgraphTimeoutMs} ms. ` +
      `Start ${report.durations.startSeconds} s, faults ${report.durations.faultsSeconds} s, whole run ${report.durations.totalSeconds} s.`,
    '',
    '| fault | what a caller sees | time to recover | acknowledged writes lost | duplicated writes |',
    '|---|---|---:|---:|---:|',
  ];
  for (const fault of report.faults) {
    lines.push(`| ${fault.title} | ${describe(fault)} | ${seconds(fault.timeToRecoverMs)} | ${fault.writes.lost.length} | ${fault.writes.duplicated.length} |`);
  }
  lines.push(
    '',
    'Raw counts (reads by outcome; write attempts, retries included):',
    '',
    '| fault | reads | full | partial | partial, unnamed | coded error | uncoded error | HTTP 5xx | transport | read p95 / max ms | in flight at injection: full / all | write attempts | acknowledged / sent | restarts |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  const row = (name: string, fault: Pick<FaultSummary, 'reads'> & Partial<FaultSummary>) => {
    const o = fault.reads.outcomes;
    const restarts = fault.restarts ? Object.entries(fault.restarts).map(([process, count]) => `${process} ${count}`).join(', ') || 'none' : '—';
    lines.push(
      `| ${name} | ${fault.reads.total} | ${o.full} | ${o.partial} | ${o['partial-unnamed']} | ${o['coded-error']} | ${o['uncoded-error']} | ${o['http-5xx']} | ${o.transport} | ${fault.reads.latencyMs.p95} / ${fault.reads.latencyMs.max} | ` +
        `${fault.inFlightAtInjection ? `${fault.inFlightAtInjection.full} / ${fault.inFlightAtInjection.total}` : '—'} | ${fault.writeAttempts?.total ?? '—'} | ${fault.writes ? `${fault.writes.acknowledged} / ${fault.writes.sent}` : '—'} | ${restarts} |`,
    );
  };
  row('before the first fault', { reads: report.baseline });
  for (const fault of report.faults) {
    row(fault.id, fault);
  }
  lines.push('', 'Injections (seconds from the fault’s start):', '');
  for (const fault of report.faults) {
    lines.push(`- ${fault.id}: ${fault.injections.map((injection) => `${((injection.at - fault.startedAt) / 1000).toFixed(1)} s ${injection.what}`).join('; ')}`);
  }
  const stops = report.faults.flatMap((fault) => fault.stops.map((stop) => ({ fault: fault.id, stop })));
  if (stops.length) {
    lines.push(
      '',
      `Stops with SIGTERM, each with a request held in flight at the process (its SQL queued behind a lock let go ${HOLD_AFTER_SIGNAL_MS / 1000} s after the signal):`,
      '',
      '| fault | process | exit | the held request got |',
      '|---|---|---|---|',
    );
    for (const { fault, stop } of stops) {
      const request = stop.inFlight;
      const got = `${request.outcome}${request.status !== null ? ` (HTTP ${request.status}${request.codes.length ? ` ${[...new Set(request.codes)].join('/')}` : ''})` : ` (${request.transport})`}${request.queued ? '' : ' — never queued, says nothing'}${request.lockLost ? ` — the lock was lost early (${request.lockLost}), says nothing` : ''}`;
      lines.push(`| ${fault} | ${stop.process} | code ${stop.exitCode}${stop.exitSignal ? `, signal ${stop.exitSignal}` : ''} | ${got} |`);
    }
    for (const fault of report.faults.filter((each) => each.control)) {
      lines.push('', `Control (${fault.id}): a request held the same way with no signal got ${fault.control?.outcome}${fault.control?.queued ? '' : ' (never queued)'}.`);
    }
  }
  const spoiled = report.faults.filter((fault) => fault.inFlightAtInjection.others.length);
  if (spoiled.length) {
    lines.push('', 'Calls in flight at an injection that did not get a full answer:', '');
    for (const fault of spoiled) {
      const groups = new Map<string, number>();
      for (const other of fault.inFlightAtInjection.others) {
        const shape = `${other.kind} ${other.outcome}${other.status !== null ? ` (HTTP ${other.status}${other.codes.length ? ` ${[...new Set(other.codes)].join('/')}` : ''}${other.departments.length ? ` ${other.departments.join('/')}` : ''})` : ` (${other.transport})`} at ${other.injection}`;
        groups.set(shape, (groups.get(shape) ?? 0) + 1);
      }
      lines.push(`- ${fault.id}: ${[...groups.entries()].map(([shape, count]) => `${shape} ×${count}`).join('; ')}`);
    }
  }
  const w = report.writes;
  lines.push(
    '',
    `Writes: ${w.sent} service requests sent, ${w.acknowledged} acknowledged, ${w.abandoned} given up; in service_delivery.service_request afterwards: ` +
      `${w.lost} acknowledged and missing, ${w.duplicated} stored more than once, ${w.mismatched} stored under another id than acknowledged, ${w.storedUnacknowledged} stored but never acknowledged.`,
    '',
    `After the load: ${Object.entries(report.endState).map(([kind, outcome]) => `${kind} ${outcome}`).join(', ')}.`,
    '',
    report.findings.length ? 'Findings:' : 'Findings: none.',
    ...(report.findings.length ? ['', ...report.findings.map((finding) => `- ${finding}`)] : []),
  );
  return `${lines.join('\n')}\n`;
}

/** Writes `<folder>/<time>[-smoke].md` and `.json`; returns the Markdown file's path. */
export function writeReport(folder: string, stamp: string, report: DrillReport): string {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const file = join(folder, `${stamp}.md`);
  writeFileSync(file, toMarkdown(report));
  return file;
}
