import { OUTCOMES, type Answer, type Outcome } from './answer';
import type { FaultId, GracefulStop, Injection } from './faults';
import type { ReadKind } from './operations';
import type { WriteAudit, WriteFinding } from './write-audit';

/** What callers of one kind got within a window. */
export interface CallCounts {
  total: number;
  outcomes: Record<Outcome, number>;
  /** Errors by extensions.code (an answer with two errors of one code counts twice). */
  codes: Record<string, number>;
  /** Departments named by errors, by answers naming them. */
  departments: Record<string, number>;
  /** Errors by their path (dot-joined; `(none)` for an error without one). */
  paths: Record<string, number>;
  /** Answers carrying Retry-After. */
  retryAfter: number;
  /** Transport failures by their code. */
  transport: Record<string, number>;
  /** HTTP statuses other than 200. */
  statuses: Record<string, number>;
  latencyMs: { p50: number; p95: number; max: number };
}

/** A call in flight when the drill injected something, which did not get a full answer. */
export interface InFlightCall {
  injection: string;
  kind: string;
  outcome: Outcome;
  status: number | null;
  codes: string[];
  departments: string[];
  transport?: string;
}

export interface FaultSummary {
  id: FaultId;
  title: string;
  subgraphFault: boolean;
  /** Every read and write was to answer in full throughout. */
  noFailures: boolean;
  /** Drill clock, ms: the first injection, the fault's end, and the end of the window (the next fault's start). */
  startedAt: number;
  endedAt: number;
  windowEnd: number;
  injections: Injection[];
  /** Processes stopped with SIGTERM while the drill held a request in flight at each. */
  stops: GracefulStop[];
  /** A request held the same way with no stop: the probe's control. */
  control?: GracefulStop['inFlight'];
  reads: CallCounts;
  readsByKind: Record<ReadKind, CallCounts>;
  /** Every attempt, retries included. */
  writeAttempts: CallCounts;
  /** Service requests first sent within the window. */
  writes: { sent: number; acknowledged: number; abandoned: number; retried: number; lost: WriteFinding[]; duplicated: WriteFinding[]; mismatched: WriteFinding[] };
  /** Calls (reads and writes) in flight at any of the drill's own injections, how many still got a full answer, and what the others got. */
  inFlightAtInjection: { total: number; full: number; others: InFlightCall[] };
  /** Milliseconds from the fault's end until every read answered in full again; null: not within the window. */
  timeToRecoverMs: number | null;
  /** Restarts the launcher made within the window, by process, and of PostgreSQL. */
  restarts: Record<string, number>;
}

const percentile = (sorted: number[], share: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] : 0);

export function countCalls(answers: readonly Answer[]): CallCounts {
  const outcomes = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  const codes: Record<string, number> = {};
  const departments: Record<string, number> = {};
  const paths: Record<string, number> = {};
  const transport: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  let retryAfter = 0;
  for (const answer of answers) {
    outcomes[answer.outcome] += 1;
    for (const code of answer.codes) {
      codes[code] = (codes[code] ?? 0) + 1;
    }
    for (const path of answer.paths) {
      paths[path || '(none)'] = (paths[path || '(none)'] ?? 0) + 1;
    }
    for (const department of answer.departments) {
      departments[department] = (departments[department] ?? 0) + 1;
    }
    if (answer.transport) {
      transport[answer.transport] = (transport[answer.transport] ?? 0) + 1;
    }
    if (answer.status !== null && answer.status !== 200) {
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    }
    if (answer.retryAfter !== null) {
      retryAfter += 1;
    }
  }
  const latencies = answers.map((answer) => answer.endedAt - answer.startedAt).sort((a, b) => a - b);
  return {
    total: answers.length,
    outcomes,
    codes,
    departments,
    paths,
    retryAfter,
    transport,
    statuses,
    latencyMs: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), max: latencies.at(-1) ?? 0 },
  };
}

/** The requests a window's writers first sent, and what became of them (from the writers' ledger and the database audit). */
export function writesWithin(audit: WriteAudit, attempts: readonly Answer[], from: number, to: number): FaultSummary['writes'] {
  const inWindow = (finding: WriteFinding) => finding.firstAt >= from && finding.firstAt < to;
  const keys = new Map<string, Answer[]>();
  for (const attempt of attempts) {
    keys.set(attempt.key as string, [...(keys.get(attempt.key as string) ?? []), attempt]);
  }
  const firstSent = [...keys.values()].filter((sent) => sent[0].startedAt >= from && sent[0].startedAt < to);
  return {
    sent: firstSent.length,
    acknowledged: firstSent.filter((sent) => sent.some((attempt) => attempt.id)).length,
    abandoned: firstSent.filter((sent) => !sent.some((attempt) => attempt.id)).length,
    retried: firstSent.filter((sent) => sent.length > 1).length,
    lost: audit.lost.filter(inWindow),
    duplicated: audit.duplicated.filter(inWindow),
    mismatched: audit.mismatched.filter(inWindow),
  };
}

const top = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => `${name} ×${count}`)
    .join(', ');

/** One line a person reads: what the callers got during a fault and its recovery. */
export function describe(summary: FaultSummary): string {
  const { reads, writeAttempts, writes } = summary;
  const parts: string[] = [];
  const o = reads.outcomes;
  const failed = reads.total - o.full;
  let readPart = `reads ${reads.total}: ${o.full} full`;
  if (o.partial) {
    readPart += `, ${o.partial} partial`;
  }
  if (o['partial-unnamed']) {
    readPart += `, ${o['partial-unnamed']} partial without department/path`;
  }
  if (o['coded-error']) {
    readPart += `, ${o['coded-error']} coded error`;
  }
  if (o['uncoded-error']) {
    readPart += `, ${o['uncoded-error']} uncoded error`;
  }
  if (o['http-5xx']) {
    readPart += `, ${o['http-5xx']} HTTP 5xx (${top(reads.statuses)})`;
  }
  if (o.transport) {
    readPart += `, ${o.transport} transport failure (${top(reads.transport)})`;
  }
  if (failed > 0 && Object.keys(reads.codes).length) {
    readPart += ` — codes ${top(reads.codes)}`;
    if (Object.keys(reads.departments).length) {
      readPart += `; naming ${top(reads.departments)}`;
    }
    if (reads.retryAfter) {
      readPart += `; Retry-After on ${reads.retryAfter}`;
    }
  }
  parts.push(readPart);
  const w = writeAttempts.outcomes;
  let writePart = `writes ${writes.sent}: ${writes.acknowledged} acknowledged`;
  if (writes.retried) {
    writePart += ` (${writes.retried} after retries with the same key)`;
  }
  if (writes.abandoned) {
    writePart += `, ${writes.abandoned} given up`;
  }
  const failedAttempts = writeAttempts.total - w.full;
  if (failedAttempts > 0) {
    const shapes = [
      w['http-5xx'] ? `${w['http-5xx']} HTTP 5xx (${top(writeAttempts.statuses)})` : '',
      w['coded-error'] ? `${w['coded-error']} coded error` : '',
      w['uncoded-error'] ? `${w['uncoded-error']} uncoded error` : '',
      w.transport ? `${w.transport} transport failure` : '',
    ].filter(Boolean);
    writePart += `; failed attempts ${failedAttempts}: ${shapes.join(', ')}`;
    if (Object.keys(writeAttempts.codes).length) {
      writePart += ` — codes ${top(writeAttempts.codes)}`;
    }
    if (writeAttempts.retryAfter) {
      writePart += `; Retry-After on ${writeAttempts.retryAfter}`;
    }
  }
  parts.push(writePart);
  return parts.join('. ');
}
