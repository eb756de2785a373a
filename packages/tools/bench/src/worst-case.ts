import { chinaMidnight, chinaYear } from '@shequ/kit';
import { drive, type LoadResult } from './load';
import type { BenchOperation } from './operations';

/** Who sends a request: no token, or an analyst's (the largest budget). */
export type Caller = 'anonymous' | 'analyst';

export interface Candidate {
  name: string;
  query: string;
}

export interface MeasuredCandidate extends Candidate {
  caller: Caller;
  /** The gateway refused it as over a limit: it never reached a subgraph. */
  refused: string | null;
  /** Median of the timed runs, milliseconds; null when refused. */
  medianMs: number | null;
}

export interface WorstCaseReport {
  candidates: MeasuredCandidate[];
  slowest: Partial<Record<Caller, MeasuredCandidate>>;
  /** The victim (another caller's dashboard) alone, then while the slowest anonymous and analyst operations run over and over. */
  victimAlone: LoadResult;
  /** Per number of connections each attacker used: the victim meanwhile. */
  victimUnderAttack: { attackers: number; result: LoadResult }[];
}

const SERVICE_STATS = 'serviceStats { openRequests resolvedWithin15DaysRate medianDaysToResolve averageSatisfaction }';
const VOLUNTEER_STATS = 'volunteerStats { registeredVolunteers activeVolunteers confirmedHoursLast12Months }';
const SAFETY_STATS = 'safetyStats { incidentsPer1000Residents mediationAgreementRate policeLiaisonCoverage }';
const ALL_STATS = `${SERVICE_STATS} ${VOLUNTEER_STATS} ${SAFETY_STATS} assessment { score }`;

/** Selections of one field under `count` aliases. */
const aliased = (count: number, field: string) => Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ');

/**
 * Operations an attacker would try to make the graph work hardest within the
 * limits: each heavy field at each scope, repeated up to the gateway's cap,
 * trends over long spans, roll-ups over every region of a level, the
 * largest pages nested. Those over a caller's limits are refused by the
 * gateway before any subgraph is called; the rest are timed.
 */
export function worstCaseCandidates(): Candidate[] {
  const year = chinaYear();
  const years = (count: number) => `from: "${year - count}-01-01", to: "${year}-01-01"`;
  const instants = (count: number) => `from: "${chinaMidnight(`${year - count}-01-01`).toISOString()}", to: "${chinaMidnight(`${year}-01-01`).toISOString()}"`;
  const candidates: Candidate[] = [];
  for (const code of ['620000', '620100', '620102']) {
    for (const count of [1, 2, 3]) {
      candidates.push(
        { name: `${count} × volunteering ranking (median hours) in ${code}`, query: `{ ${aliased(count, `rankCommunitiesByVolunteering(regionCode: "${code}", metric: MEDIAN_HOURS_PER_ACTIVE_VOLUNTEER, first: 100) { value }`)} }` },
        { name: `${count} × service ranking (median days) in ${code}`, query: `{ ${aliased(count, `rankCommunitiesByService(regionCode: "${code}", metric: MEDIAN_DAYS_TO_RESOLVE, first: 100) { value }`)} }` },
        { name: `${count} × safety ranking (patrols) in ${code}`, query: `{ ${aliased(count, `rankCommunitiesBySafety(regionCode: "${code}", metric: PATROLS_LAST_MONTH, first: 100) { value }`)} }` },
      );
      for (const span of [1, 2, 5, 10, 20]) {
        candidates.push(
          { name: `${count} × volunteer-hours trend over ${span} y in ${code}`, query: `{ ${aliased(count, `volunteerHoursTrend(regionCode: "${code}", ${years(span)}) { confirmedHours }`)} }` },
          { name: `${count} × service-request trend over ${span} y in ${code}`, query: `{ ${aliased(count, `serviceRequestTrend(regionCode: "${code}", ${instants(span)}) { submitted }`)} }` },
          { name: `${count} × incident trend over ${span} y in ${code}`, query: `{ ${aliased(count, `incidentTrend(regionCode: "${code}", ${instants(span)}) { incidents }`)} }` },
        );
      }
    }
    candidates.push({ name: `every figure of ${code}`, query: `{ region(code: "${code}") { ${ALL_STATS} } }` });
  }
  for (const level of ['PREFECTURE', 'COUNTY', 'STREET']) {
    candidates.push({ name: `every figure of every ${level.toLowerCase()}`, query: `{ regions(level: ${level}) { code ${ALL_STATS} } }` });
  }
  for (const first of [20, 50, 100]) {
    candidates.push({
      name: `the province's first ${first} communities with every figure`,
      query: `{ region(code: "620000") { communities(first: ${first}) { edges { node { code ${ALL_STATS} } } } } }`,
    });
    candidates.push({
      name: `the province's first 100 communities with ${first} service requests each`,
      query: `{ region(code: "620000") { communities(first: 100) { edges { node { serviceRequests(first: ${first}) { totalCount edges { node { id status submittedAt } } } } } } } }`,
    });
  }
  return candidates;
}

async function post(url: string, query: string, token: string | null, signal?: AbortSignal): Promise<{ ms: number; refused: string | null; failed: string | null }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
    signal,
  });
  const body = (await response.json()) as { errors?: { message: string; extensions?: { limit?: string } }[] };
  const ms = performance.now() - started;
  const error = body.errors?.[0];
  return { ms, refused: error?.extensions?.limit ? error.message : null, failed: error && !error.extensions?.limit ? error.message : null };
}

/** Times each candidate for each caller: refused ones once, the others once to warm and `runs` times measured. */
export async function measureCandidates(url: string, candidates: Candidate[], tokens: Record<Caller, string | null>, runs: number, log: (line: string) => void): Promise<MeasuredCandidate[]> {
  const measured: MeasuredCandidate[] = [];
  for (const caller of Object.keys(tokens) as Caller[]) {
    for (const candidate of candidates) {
      const first = await post(url, candidate.query, tokens[caller]);
      if (first.refused) {
        measured.push({ ...candidate, caller, refused: first.refused, medianMs: null });
        continue;
      }
      if (first.failed) {
        log(`${caller}: ${candidate.name} answered an error: ${first.failed}`);
      }
      const times: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        times.push((await post(url, candidate.query, tokens[caller])).ms);
      }
      times.sort((a, b) => a - b);
      const medianMs = Math.round(times[Math.floor(times.length / 2)]);
      measured.push({ ...candidate, caller, refused: null, medianMs });
      log(`${caller}: ${candidate.name}: ${medianMs} ms`);
    }
  }
  return measured;
}

/** Sends `query` over and over on `connections` connections until `signal` aborts. */
async function hammer(url: string, query: string, token: string | null, connections: number, signal: AbortSignal): Promise<void> {
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (!signal.aborted) {
        await post(url, query, token, signal).catch(() => undefined);
      }
    }),
  );
}

/**
 * Another caller's dashboard while the slowest operation of each caller runs
 * over and over on `attackers` connections each (none: the victim alone).
 */
export async function victimUnder(
  url: string,
  victim: BenchOperation,
  victimToken: string,
  slowest: Partial<Record<Caller, MeasuredCandidate>>,
  tokens: Record<Caller, string | null>,
  options: { connections: number; seconds: number; attackers: number },
): Promise<LoadResult> {
  const stop = new AbortController();
  const attacks = options.attackers === 0 ? [] : (Object.entries(slowest) as [Caller, MeasuredCandidate][]).map(([caller, candidate]) => hammer(url, candidate.query, tokens[caller], options.attackers, stop.signal));
  if (attacks.length > 0) {
    // Let the attack reach its steady state before the victim is measured.
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  const result = await drive(url, victim, victimToken, options.connections, options.seconds);
  stop.abort();
  await Promise.all(attacks);
  return result;
}

export function slowestOf(measured: MeasuredCandidate[]): Partial<Record<Caller, MeasuredCandidate>> {
  const slowest: Partial<Record<Caller, MeasuredCandidate>> = {};
  for (const candidate of measured) {
    const current = slowest[candidate.caller];
    if (candidate.medianMs !== null && (!current || (current.medianMs ?? 0) < candidate.medianMs)) {
      slowest[candidate.caller] = candidate;
    }
  }
  return slowest;
}

export function worstCaseMarkdown(report: WorstCaseReport): string {
  const lines = ['## The slowest operations within the limits', '', '| caller | operation | median ms |', '|---|---|---:|'];
  for (const [caller, candidate] of Object.entries(report.slowest)) {
    lines.push(`| ${caller} (slowest) | ${candidate.name} | ${candidate.medianMs} |`);
  }
  const admitted = report.candidates.filter((candidate) => candidate.medianMs !== null).sort((a, b) => (b.medianMs ?? 0) - (a.medianMs ?? 0));
  for (const candidate of admitted.slice(0, 20)) {
    lines.push(`| ${candidate.caller} | ${candidate.name} | ${candidate.medianMs} |`);
  }
  const refused = report.candidates.filter((candidate) => candidate.refused);
  lines.push('', `${refused.length} of ${report.candidates.length} candidate requests were refused by the limits before any subgraph was called.`);
  const alone = report.victimAlone;
  lines.push(
    '',
    "Another caller's dashboard (4 connections), alone and while each caller's slowest operation ran over and over — sent again as soon as answered — on the connections given:",
    '',
    '| victim | req/s | p50 ms | p95 ms | errors | p95 ÷ alone |',
    '|---|---:|---:|---:|---:|---:|',
    `| alone | ${alone.requestsPerSecond} | ${alone.p50} | ${alone.p95} | ${alone.errors} | 1.00 |`,
  );
  for (const { attackers, result } of report.victimUnderAttack) {
    lines.push(`| each attacker on ${attackers} connection${attackers === 1 ? '' : 's'} | ${result.requestsPerSecond} | ${result.p50} | ${result.p95} | ${result.errors} | ${alone.p95 ? (result.p95 / alone.p95).toFixed(2) : '—'} |`);
  }
  return lines.join('\n');
}
