import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '@shequ/schema';
import type { SlowStatement } from './floor';
import type { LoadResult } from './load';
import type { TargetName } from './stack';
import type { TimeSplit } from './time-split';

export interface OperationReport {
  operation: string;
  sqlStatements: number;
  results: Partial<Record<TargetName, LoadResult>>;
  /** The same operation from one connection at a time. */
  singleClient?: Partial<Record<TargetName, LoadResult>>;
  /** Where Shequ's one-client answers went, from its gateway's metrics. */
  singleClientSplit?: TimeSplit;
  /** Median milliseconds of the same SQL run directly with pg (rollup and dashboard). */
  sqlFloorMs?: number;
  /** The same floor replayed again just before the one-client rounds, which are compared with it. */
  singleClientSqlFloorMs?: number;
  /** The floor's slowest statements. */
  slowestStatements?: SlowStatement[];
  /** Each subgraph's statements of the floor in sequence, median ms. */
  floorBySubgraph?: Record<string, number>;
}

export interface BenchReport {
  startedAt: string;
  scale: string;
  connections: number;
  seconds: number;
  machine: string;
  operations: OperationReport[];
  peakRssMb: Record<string, number | null>;
  soak?: { seconds: number; rssStartMb: Record<string, number | null>; rssEveryMinuteMb?: Record<string, number | null>[]; rssEndMb: Record<string, number | null> };
}

const ratio = (a?: number, b?: number) => (a && b ? (a / b).toFixed(2) : '—');

/** The table, as Markdown: one row per operation and gateway, then the ratios and the floor. */
export function toMarkdown(report: BenchReport): string {
  const lines = [
    `# Benchmark ${report.startedAt}`,
    '',
    `Scale \`${report.scale}\`, ${report.connections} connections, ${report.seconds} s per gateway and operation, ${report.machine}.`,
    '',
    '| operation | gateway | req/s | p50 ms | p95 ms | p99 ms | errors | unanswered at the end | SQL statements | gateway CPU ms per request | subgraph CPU ms per request | gateway peak RSS MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const shown = (value: number | null | undefined) => value ?? '—';
  for (const operation of report.operations) {
    for (const [target, result] of Object.entries(operation.results)) {
      lines.push(
        `| ${operation.operation} | ${target} | ${result.requestsPerSecond} | ${result.p50} | ${result.p95} | ${result.p99} | ${result.errors} | ${shown(result.unanswered)} | ${operation.sqlStatements} | ${shown(result.gatewayCpuMsPerRequest)} | ${shown(result.subgraphCpuMsPerRequest)} | ${shown(result.gatewayRssPeakMb)} |`,
      );
    }
  }
  lines.push('', '| operation | Shequ ÷ plain | Shequ ÷ Hive | end-to-end p50 ÷ raw SQL |', '|---|---:|---:|---:|');
  for (const operation of report.operations) {
    const { shequ, plain, hive } = operation.results;
    const floor = operation.sqlFloorMs ? `${ratio(shequ?.p50, operation.sqlFloorMs)} (SQL ${operation.sqlFloorMs} ms)` : '—';
    lines.push(`| ${operation.operation} | ${ratio(shequ?.requestsPerSecond, plain?.requestsPerSecond)} | ${ratio(shequ?.requestsPerSecond, hive?.requestsPerSecond)} | ${floor} |`);
  }
  const singleClient = report.operations.filter((operation) => operation.singleClient);
  if (singleClient.length > 0) {
    lines.push(
      '',
      'One client (one connection; p50 ÷ the SQL floor replayed just before these rounds, in brackets):',
      '',
      '| operation | gateway | req/s | p50 ms | p95 ms | errors | gateway CPU ms per request | subgraph CPU ms per request | machine CPU ms per request | p50 ÷ raw SQL |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const operation of singleClient) {
      const floorMs = operation.singleClientSqlFloorMs ?? operation.sqlFloorMs;
      for (const [target, result] of Object.entries(operation.singleClient ?? {})) {
        lines.push(
          `| ${operation.operation} | ${target} | ${result.requestsPerSecond} | ${result.p50} | ${result.p95} | ${result.errors} | ${shown(result.gatewayCpuMsPerRequest)} | ${shown(result.subgraphCpuMsPerRequest)} | ${shown(result.machineCpuMsPerRequest)} | ${floorMs ? `${ratio(result.p50, floorMs)} (SQL ${floorMs} ms)` : '—'} |`,
        );
      }
    }
  }
  const split = report.operations.filter((operation) => operation.singleClientSplit);
  if (split.length > 0) {
    lines.push(
      '',
      "Where Shequ's one-client answers went, per answer (its gateway's `shequ_gateway_operation_seconds` and `shequ_subgraph_fetch_duration_seconds`):",
      '',
      "| operation | gateway's own ms | waiting on subgraphs ms | subgraph fetches (per answer × mean ms) |",
      '|---|---:|---:|---|',
    );
    for (const operation of split) {
      const { gatewayMs, subgraphsMs, fetches } = operation.singleClientSplit as TimeSplit;
      const fetched = Object.entries(fetches).map(([subgraph, { perAnswer, meanMs }]) => `${subgraph} ${perAnswer} × ${meanMs}`);
      lines.push(`| ${operation.operation} | ${gatewayMs} | ${subgraphsMs} | ${fetched.join(', ')} |`);
    }
  }
  for (const operation of report.operations.filter((entry) => entry.slowestStatements?.length)) {
    const bySubgraph = Object.entries(operation.floorBySubgraph ?? {}).map(([subgraph, ms]) => `${subgraph} ${ms} ms`);
    lines.push('', `Slowest statements of the ${operation.operation} floor${bySubgraph.length ? ` (each subgraph's statements in sequence: ${bySubgraph.join(', ')})` : ''}:`, '', '| subgraph | ms | statement |', '|---|---:|---|');
    for (const statement of operation.slowestStatements ?? []) {
      lines.push(`| ${statement.subgraph} | ${statement.ms} | \`${statement.sql.replaceAll('|', '\\|').replaceAll('`', "'")}\` |`);
    }
  }
  lines.push('', '| process | peak RSS MB |', '|---|---:|');
  for (const [name, mb] of Object.entries(report.peakRssMb)) {
    lines.push(`| ${name} | ${mb ?? '—'} |`);
  }
  if (report.soak) {
    const minutes = report.soak.rssEveryMinuteMb ?? [];
    lines.push(
      '',
      `Soak ${report.soak.seconds} s (RSS in MB at the start, after each minute, and at the end):`,
      '',
      `| process | start | ${minutes.map((_, index) => `${index + 1} min`).join(' | ')}${minutes.length ? ' | ' : ''}end | change |`,
      `|---|---:|${minutes.map(() => '---:|').join('')}---:|---:|`,
    );
    for (const name of Object.keys(report.soak.rssStartMb)) {
      const start = report.soak.rssStartMb[name];
      const end = report.soak.rssEndMb[name];
      const change = start && end ? `${end >= start ? '+' : '−'}${((Math.abs(end - start) / start) * 100).toFixed(1)} %` : '—';
      lines.push(`| ${name} | ${start ?? '—'} | ${minutes.map((sample) => `${sample[name] ?? '—'} | `).join('')}${end ?? '—'} | ${change} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Writes bench/results/<timestamp>.json and .md and returns the Markdown. */
export function writeReport(report: BenchReport): string {
  const folder = join(REPOSITORY_ROOT, 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const markdown = toMarkdown(report);
  writeFileSync(join(folder, `${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(folder, `${stamp}.md`), markdown);
  return markdown;
}

/** Writes a worst-case run beside the throughput runs (`worst-case-<time>.md` and `.json`); returns the Markdown file's path. */
export function writeWorstCaseReport(markdown: string, details: Record<string, unknown>): string {
  const folder = join(REPOSITORY_ROOT, 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const stamp = `worst-case-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  writeFileSync(join(folder, `${stamp}.json`), `${JSON.stringify(details, null, 2)}\n`);
  writeFileSync(join(folder, `${stamp}.md`), `# Worst case within the limits\n\nScale \`${String(details.scale)}\`, ${String(details.machine)}.\n\n${markdown}\n`);
  return join('bench', 'results', `${stamp}.md`);
}
