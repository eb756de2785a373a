import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT, subgraphEntry } from '@shequ/schema';
import { drive, once, type LoadResult } from './load';
import type { BenchOperation } from './operations';
import { rssMb } from './stack';

export interface AnalystReport {
  startedAt: string;
  scale: string;
  machine: string;
  refresh: { firstSeconds: number; fullSeconds: number; unchangedSeconds: number; rowsWritten: number; monthsCollected: number; departments: string[] };
  operations: { name: string; oneClient: LoadResult; loaded: LoadResult; connections: number }[];
  exports: { format: string; seconds: number; bytes: number; rows: number; gatewayRssBeforeMb: number | null; gatewayRssPeakMb: number | null }[];
}

interface RefreshRecord {
  finishedAt: string | null;
  rowsWritten: number;
  monthsCollected: number;
  /** The departments whose feeds were read in full: one missing failed. */
  departments: string[];
}

/** One operation on the statistics subgraph itself, so the gateway's subgraph deadline does not cut a long refresh short. */
async function askStatistics<T>(adminToken: string, query: string): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${subgraphEntry('statistics').port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ query }),
  });
  const answer = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!answer.data) {
    throw new Error(`statistics answered ${response.status}: ${answer.errors?.[0]?.message}`);
  }
  return answer.data;
}

/**
 * Times a refresh to its end: refreshStatistics answers after a few seconds
 * with a long refresh still running, so the status is polled until it is done.
 */
export async function timeRefresh(adminToken: string, full: boolean): Promise<{ seconds: number; rowsWritten: number; monthsCollected: number; departments: string[] }> {
  const started = performance.now();
  const fields = 'finishedAt rowsWritten monthsCollected departments';
  let record = (await askStatistics<{ refreshStatistics: RefreshRecord }>(adminToken, `mutation { refreshStatistics(full: ${full}) { ${fields} } }`)).refreshStatistics;
  while (!record.finishedAt) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const status = (await askStatistics<{ statisticsStatus: { refreshing: boolean; lastRefresh: RefreshRecord } }>(adminToken, `{ statisticsStatus { refreshing lastRefresh { ${fields} } } }`)).statisticsStatus;
    record = status.refreshing ? { ...status.lastRefresh, finishedAt: null } : status.lastRefresh;
  }
  return { seconds: Math.round((performance.now() - started) / 100) / 10, rowsWritten: record.rowsWritten, monthsCollected: record.monthsCollected, departments: record.departments };
}

/**
 * Downloads the whole province's communities with every indicator the caller
 * may see, reading the stream as it comes, and samples the gateway's memory
 * meanwhile: an export that buffered would show in the peak.
 */
export async function timeExport(gatewayUrl: string, token: string, format: 'csv' | 'xlsx', indicators: string[], gatewayPid: number | undefined): Promise<AnalystReport['exports'][number]> {
  const before = rssMb(gatewayPid);
  let peak = before ?? 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(gatewayPid) ?? 0);
  }, 50);
  const started = performance.now();
  let bytes = 0;
  let newlines = 0;
  try {
    const response = await fetch(new URL('/export', gatewayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ format, language: 'zh', input: { level: 'COMMUNITY', within: ['620000'], indicators } }),
    });
    if (!response.ok || !response.body) {
      throw new Error(`export ${format} answered ${response.status}: ${await response.text()}`);
    }
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) {
        newlines += byte === 10 ? 1 : 0;
      }
    }
  } finally {
    clearInterval(sampler);
  }
  return {
    format,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    bytes,
    // A CSV's rows are its lines less the header; an XLSX is compressed, so its rows are not counted here.
    rows: format === 'csv' ? newlines - 1 : 0,
    gatewayRssBeforeMb: before,
    gatewayRssPeakMb: peak || null,
  };
}

export async function measureOperations(url: string, operations: BenchOperation[], token: string, seconds: number, connections: number, log: (line: string) => void): Promise<AnalystReport['operations']> {
  const measured: AnalystReport['operations'] = [];
  for (const operation of operations) {
    const sample = await once(url, operation, token);
    if (sample.errors?.length) {
      throw new Error(`${operation.name}: ${sample.errors[0].message}`);
    }
    await drive(url, operation, token, 1, 2); // warm-up
    const oneClient = await drive(url, operation, token, 1, seconds);
    const loaded = await drive(url, operation, token, connections, seconds);
    log(`${operation.name}: one client p50 ${oneClient.p50} ms; ${connections} connections ${loaded.requestsPerSecond} req/s, p50 ${loaded.p50} ms, ${loaded.errors} errors${loaded.firstError ? ` (first: ${loaded.firstError.slice(0, 160)})` : ''}`);
    measured.push({ name: operation.name, oneClient, loaded, connections });
  }
  return measured;
}

export function analystMarkdown(report: AnalystReport): string {
  const lines = [
    `# Analyst benchmark ${report.startedAt}`,
    '',
    `Scale \`${report.scale}\`, ${report.machine}.`,
    '',
    `Store refresh: the first, into an empty store, ${report.refresh.firstSeconds} s; full (every month collected again) ${report.refresh.fullSeconds} s (${report.refresh.monthsCollected} department-months, ${report.refresh.rowsWritten} rows published; departments read in full: ${report.refresh.departments.join(', ') || 'none'}); again with nothing changed ${report.refresh.unchangedSeconds} s.`,
    '',
    '| operation | one client p50 ms | one client p95 ms | connections | req/s | p50 ms | p95 ms | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...report.operations.map(
      (entry) => `| ${entry.name} | ${entry.oneClient.p50} | ${entry.oneClient.p95} | ${entry.connections} | ${entry.loaded.requestsPerSecond} | ${entry.loaded.p50} | ${entry.loaded.p95} | ${entry.loaded.errors + entry.oneClient.errors} |`,
    ),
    '',
    '| export | seconds | MB | rows | gateway RSS before MB | gateway RSS peak MB | growth MB |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...report.exports.map(
      (entry) =>
        `| ${entry.format} | ${entry.seconds} | ${(entry.bytes / 1e6).toFixed(1)} | ${entry.rows || '—'} | ${entry.gatewayRssBeforeMb ?? '—'} | ${entry.gatewayRssPeakMb ?? '—'} | ${entry.gatewayRssBeforeMb && entry.gatewayRssPeakMb ? entry.gatewayRssPeakMb - entry.gatewayRssBeforeMb : '—'} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** Writes bench/results/analyst-<time>.md and .json; returns the Markdown file's path. */
export function writeAnalystReport(report: AnalystReport): string {
  const folder = join(REPOSITORY_ROOT, 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const stamp = `analyst-${report.startedAt.replace(/[:.]/g, '-')}`;
  writeFileSync(join(folder, `${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(folder, `${stamp}.md`), analystMarkdown(report));
  return join('bench', 'results', `${stamp}.md`);
}
