import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { startLocalServer } from '@shequ/database';
import { runMain, signToken, StartupError } from '@shequ/kit';
import { REPOSITORY_ROOT } from '@shequ/schema';
import { isScaleName, SCALES, seedDatabase } from '@shequ/seed';
import { replayFloor, resetCapture, stopCapture, takeCapture } from './floor';
import { waitForIdleDatabase } from './idle-database';
import { analystOperations } from './analyst-operations';
import { measureOperations, timeExport, timeRefresh, writeAnalystReport } from './analyst';
import { combineRuns, drive, driveWatched, once } from './load';
import { BENCH_WRITE_KEY_PREFIX, operations, type BenchOperation } from './operations';
import { writeReport, writeWorstCaseReport, type BenchReport, type OperationReport } from './report';
import { measureCandidates, slowestOf, victimUnder, worstCaseCandidates, worstCaseMarkdown, type Caller } from './worst-case';
import { scrapeGateway, timeSplit } from './time-split';
import { BENCH_JWT_SECRET, graphqlUrl, peakRssMb, rssMb, startStack, TARGETS, type TargetName } from './stack';

/** Load before the soak's first RSS reading. */
const SOAK_WARM_UP_SECONDS = 60;
/** Each gateway's unmeasured load on an operation before any gateway is measured on it. */
const WARM_UP_SECONDS = 12;

/** Time for answers still on their way after a load run to arrive. */
const SETTLE_MS = 1000;

const USAGE =
  'usage: pnpm bench [--scale demo|province|stress] [--seconds 15] [--connections 50] [--targets shequ,plain,hive] [--operations dashboard,rollup,...] [--smoke] [--soak SECONDS] [--worst-case] [--analyst [--refresh-only]] [--profile-gateway] [--profile-subgraphs]';

/** Seeds the scale unless the database already holds it (same community count). */
async function ensureScale(databaseUrl: string, scale: keyof typeof SCALES, log: (line: string) => void): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let communities = 0;
  try {
    const { rows } = await client.query(`SELECT to_regclass('governance.community') IS NOT NULL AS migrated`);
    if (rows[0].migrated) {
      communities = (await client.query('SELECT count(*)::int AS n FROM governance.community')).rows[0].n;
    }
  } finally {
    await client.end();
  }
  if (communities !== SCALES[scale].communities) {
    log(`seeding scale ${scale} (found ${communities} communities)`);
    await seedDatabase({ databaseUrl, scale, seed: 1, log });
  } else {
    log(`reusing scale ${scale} (${communities} communities)`);
  }
}

/**
 * Removes the service requests the write operation submitted, in this run or
 * an earlier one (the summaries follow by their triggers). Left in place they
 * pile up in the one community the operations read, all on the day of the
 * run: its lists and figures, and every window's edge day, would read more
 * rows with every run and no two runs would read the same data.
 */
async function removeBenchWrites(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(`DELETE FROM service_delivery.service_request WHERE idempotency_key LIKE $1`, [`${BENCH_WRITE_KEY_PREFIX}%`]);
    return rowCount ?? 0;
  } finally {
    await client.end();
  }
}

async function firstCodes(databaseUrl: string): Promise<{ prefecture: string; community: string }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT code FROM governance.community WHERE code LIKE '6201%' ORDER BY code LIMIT 1`);
    return { prefecture: '620100', community: rows[0].code };
  } finally {
    await client.end();
  }
}

/**
 * The slowest operations an anonymous caller and an analyst can send within
 * the gateway's own limits, and what they do to another caller's dashboard.
 */
async function runWorstCase(databaseUrl: string, benchOperations: BenchOperation[], options: { scale: string; seconds: number; log: (line: string) => void }): Promise<void> {
  const { log } = options;
  const stack = await startStack(databaseUrl, ['shequ'], 1, { defaultLimits: true });
  try {
    const url = graphqlUrl('shequ');
    const tokens: Record<Caller, string | null> = {
      anonymous: null,
      analyst: signToken({ sub: 'bench-attacker', roles: ['analyst'], jurisdiction: '620000' }, BENCH_JWT_SECRET),
    };
    const candidates = await measureCandidates(url, worstCaseCandidates(), tokens, 2, log);
    const slowest = slowestOf(candidates);
    const dashboard = benchOperations.find((operation) => operation.name === 'dashboard') as BenchOperation;
    const victimToken = signToken({ sub: 'bench-victim', roles: ['analyst'], jurisdiction: '620000' }, BENCH_JWT_SECRET);
    const victim = async (attackers: number) => {
      await waitForIdleDatabase(databaseUrl);
      return victimUnder(url, dashboard, victimToken, slowest, tokens, { connections: 4, seconds: Math.max(10, options.seconds), attackers });
    };
    const victimAlone = await victim(0);
    const victimUnderAttack = [];
    for (const attackers of [1, 4]) {
      victimUnderAttack.push({ attackers, result: await victim(attackers) });
    }
    const markdown = worstCaseMarkdown({ candidates, slowest, victimAlone, victimUnderAttack });
    const file = writeWorstCaseReport(markdown, { scale: options.scale, machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`, candidates, slowest, victimAlone, victimUnderAttack });
    process.stdout.write(`\n${markdown}\n\nwritten to ${file}\n`);
  } finally {
    await stack.stop();
  }
}

/** Three real prefectures (Lanzhou, Tianshui, Wuwei) for the questions that span several. */
const ANALYST_PREFECTURES: [string, string, string] = ['620100', '620500', '620600'];

/** Empties what the statistics store collected and derived (its directory and method stay): the next refresh is a first one. */
async function emptyStatisticsStore(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      'TRUNCATE statistics.community_month, statistics.sample, statistics.month_fingerprint, statistics.stock_snapshot, statistics.member, statistics.region_month, statistics.stock_figure',
    );
  } finally {
    await client.end();
  }
}

/**
 * The analysts' questions on the indicator table: a first refresh into an
 * empty store, a full one of the filled store and one with nothing changed, each question with one client and under load,
 * and the whole province exported as CSV and XLSX.
 */
async function runAnalyst(databaseUrl: string, options: { scale: string; seconds: number; refreshOnly: boolean; log: (line: string) => void }): Promise<void> {
  const { log } = options;
  const stack = await startStack(databaseUrl, ['shequ'], 1);
  try {
    const url = graphqlUrl('shequ');
    const admin = signToken({ sub: 'bench-admin', roles: ['admin'], jurisdiction: '620000' }, BENCH_JWT_SECRET);
    const analyst = signToken({ sub: 'bench-analyst', roles: ['analyst'], jurisdiction: '620000' }, BENCH_JWT_SECRET);
    log('emptying the statistics store, then filling it (the first refresh)');
    await emptyStatisticsStore(databaseUrl);
    await waitForIdleDatabase(databaseUrl);
    const first = await timeRefresh(admin, false);
    log(`first refresh ${first.seconds} s, ${first.monthsCollected} department-months, ${first.rowsWritten} rows, departments ${first.departments.join(', ')}`);
    log('refreshing the statistics store (full)');
    const full = await timeRefresh(admin, true);
    log(`full refresh ${full.seconds} s, ${full.monthsCollected} department-months, ${full.rowsWritten} rows, departments ${full.departments.join(', ')}`);
    const unchanged = await timeRefresh(admin, false);
    log(`refresh with nothing changed ${unchanged.seconds} s`);
    const measured = options.refreshOnly ? [] : await measureOperations(url, analystOperations(ANALYST_PREFECTURES), analyst, Math.max(5, options.seconds), ANALYST_CONNECTIONS, log);
    const indicators = await publicIndicators(url);
    const gatewayPid = stack.gateways.shequ?.child.pid;
    const exports = [];
    for (const format of options.refreshOnly ? [] : (['csv', 'xlsx'] as const)) {
      await waitForIdleDatabase(databaseUrl);
      const result = await timeExport(url, analyst, format, indicators, gatewayPid);
      log(`export ${format}: ${result.seconds} s, ${(result.bytes / 1e6).toFixed(1)} MB, gateway RSS ${result.gatewayRssBeforeMb} → ${result.gatewayRssPeakMb} MB`);
      exports.push(result);
    }
    const file = writeAnalystReport({
      startedAt: new Date().toISOString(),
      scale: options.scale,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
      refresh: { firstSeconds: first.seconds, fullSeconds: full.seconds, unchangedSeconds: unchanged.seconds, rowsWritten: full.rowsWritten, monthsCollected: full.monthsCollected, departments: full.departments },
      operations: measured,
      exports,
    });
    process.stdout.write(`\nwritten to ${file}\n`);
  } finally {
    await stack.stop();
  }
}

const ANALYST_CONNECTIONS = 20;

/** Every indicator an analyst may see: the export's columns. */
async function publicIndicators(url: string): Promise<string[]> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ indicators { id restricted } }' }) });
  const answer = (await response.json()) as { data: { indicators: { id: string; restricted: boolean }[] } };
  return answer.data.indicators.filter((indicator) => !indicator.restricted).map((indicator) => indicator.id);
}

runMain(async () => {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'province' },
      seconds: { type: 'string', default: '15' },
      connections: { type: 'string', default: '50' },
      targets: { type: 'string', default: 'shequ,plain,hive' },
      operations: { type: 'string', default: 'dashboard,rollup,community,ranking,write' },
      smoke: { type: 'boolean', default: false },
      soak: { type: 'string' },
      'worst-case': { type: 'boolean', default: false },
      analyst: { type: 'boolean', default: false },
      'refresh-only': { type: 'boolean', default: false },
      'profile-gateway': { type: 'boolean', default: false },
      'profile-subgraphs': { type: 'boolean', default: false },
    },
  });
  const scale = values.smoke ? 'demo' : values.scale;
  const targets = values.smoke ? (['shequ'] as TargetName[]) : (values.targets.split(',') as TargetName[]);
  if (!isScaleName(scale) || targets.some((target) => !(target in TARGETS))) {
    throw new StartupError(USAGE);
  }
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const log = (line: string) => process.stdout.write(`bench       | ${line}\n`);

  const externalUrl = process.env.DATABASE_URL;
  const server = externalUrl ? null : await startLocalServer();
  const databaseUrl = externalUrl ?? (server?.url as string);
  await ensureScale(databaseUrl, scale, log);
  const codes = await firstCodes(databaseUrl);
  if (values['worst-case']) {
    await runWorstCase(databaseUrl, operations(codes.prefecture, codes.community, Date.now().toString(36)), { scale, seconds, log });
    await server?.stop();
    return;
  }
  if (values.analyst) {
    await runAnalyst(databaseUrl, { scale, seconds, refreshOnly: values['refresh-only'], log });
    await server?.stop();
    return;
  }
  const profileDir = values['profile-gateway'] || values['profile-subgraphs'] ? join(REPOSITORY_ROOT, 'bench', 'results', 'profiles') : undefined;
  const stack = await startStack(databaseUrl, targets, 1, {
    gatewayProfileDir: values['profile-gateway'] ? profileDir : undefined,
    subgraphProfileDir: values['profile-subgraphs'] ? profileDir : undefined,
    captureSql: true,
  });
  const token = signToken({ sub: 'bench', roles: ['analyst', 'resident'], jurisdiction: '620000' }, BENCH_JWT_SECRET);
  const runId = Date.now().toString(36);
  const selected = operations(codes.prefecture, codes.community, runId).filter((operation) => values.operations.split(',').includes(operation.name));
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    scale,
    connections,
    seconds,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    operations: [],
    peakRssMb: {},
  };
  let failed = false;
  try {
    for (const operation of selected) {
      // Requests the previous operation's load left in flight must not land in this operation's SQL count.
      await waitForIdleDatabase(databaseUrl);
      const removed = await removeBenchWrites(databaseUrl);
      if (removed > 0) {
        log(`removed ${removed} service requests an earlier write run submitted`);
      }
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      await resetCapture();
      const sample = await once(graphqlUrl('shequ'), operation, token);
      const captured = await takeCapture();
      const sqlStatements = Object.values(captured).reduce((sum, statements) => sum + statements.length, 0);
      if (sample.errors?.length) {
        failed = true;
        log(`${operation.name}: ${sample.errors[0].message}`);
      } else {
        log(`${operation.name}: answers, ${sqlStatements} SQL statements`);
      }
      const entry: OperationReport = { operation: operation.name, sqlStatements, results: {} };
      if (!values.smoke) {
        if (operation.name === 'rollup' || operation.name === 'dashboard') {
          const floor = await replayFloor(databaseUrl, captured);
          entry.sqlFloorMs = floor.ms;
          entry.slowestStatements = floor.slowest;
          entry.floorBySubgraph = floor.bySubgraph;
          log(`${operation.name}: SQL floor ${floor.ms} ms; slowest ${floor.slowest.map((statement) => `${statement.subgraph} ${statement.ms} ms`).join(', ')}`);
        }
        const watchedFor = (target: TargetName) => ({ gateway: stack.gateways[target]?.child.pid, subgraphs: stack.subgraphs.map((subgraph) => subgraph.process.child.pid) });
        // Every gateway warms the subgraphs and the database before any is measured: with 3 s each, whichever gateway
        // was measured first still met a subgraph spending a fifth more CPU per write and lost a fifth of its round.
        for (const target of targets) {
          await drive(graphqlUrl(target), operation, token, connections, WARM_UP_SECONDS);
        }
        // One round per gateway (at least two), each round's order turned by one place (A B C, B C A, C A B), so every
        // gateway runs once in every place: the first place of a round measured lower whoever took it (by a tenth to a
        // fifth for writes), and noise on the machine or a drift over the run falls on every gateway alike.
        const rounds = Math.max(2, targets.length);
        for (let round = 0; round < rounds; round += 1) {
          for (const target of targets.map((_, index) => targets[(index + round) % targets.length])) {
            const waitedMs = await waitForIdleDatabase(databaseUrl);
            if (waitedMs > 1000) {
              log(`waited ${(waitedMs / 1000).toFixed(1)} s for the database to finish the SQL left running`);
            }
            await drive(graphqlUrl(target), operation, token, connections, 1); // warm-up after the wait
            const result = await driveWatched(watchedFor(target), graphqlUrl(target), operation, token, connections, Math.max(1, Math.round(seconds / 2)));
            const previous = entry.results[target];
            entry.results[target] = previous ? combineRuns(previous, result) : result;
            log(
              `${operation.name} ${target} round ${round + 1}: ${result.requestsPerSecond} req/s, p50 ${result.p50} ms, ${result.errors} errors, ${result.unanswered} unanswered at the end, gateway ${result.gatewayCpuMsPerRequest} CPU ms per request, subgraphs ${result.subgraphCpuMsPerRequest}`,
            );
          }
        }
        // One client alone: latency without queueing behind other callers, against the floor replayed just before it:
        // the machine's speed drifted by a third over one run, and a floor measured minutes earlier moved the ratio with it.
        if (entry.sqlFloorMs !== undefined) {
          await waitForIdleDatabase(databaseUrl);
          entry.singleClientSqlFloorMs = (await replayFloor(databaseUrl, captured)).ms;
          log(`${operation.name}: SQL floor ${entry.singleClientSqlFloorMs} ms just before one client's rounds`);
        }
        entry.singleClient = {};
        for (const target of targets) {
          await waitForIdleDatabase(databaseUrl);
          // Shequ's gateway says where its answers went: its own work, or waiting on subgraphs.
          const metricsBefore = target === 'shequ' ? await scrapeGateway(graphqlUrl(target)) : null;
          const result = await driveWatched(watchedFor(target), graphqlUrl(target), operation, token, 1, Math.max(2, Math.round(seconds / 2)));
          entry.singleClient[target] = result;
          if (metricsBefore !== null) {
            entry.singleClientSplit = timeSplit(metricsBefore, await scrapeGateway(graphqlUrl(target))) ?? undefined;
          }
          log(`${operation.name} ${target} one client: p50 ${result.p50} ms, p95 ${result.p95} ms, ${result.errors} errors`);
        }
      }
      report.operations.push(entry);
    }
    await waitForIdleDatabase(databaseUrl);
    await removeBenchWrites(databaseUrl);
    if (values.soak && !values.smoke) {
      const soakSeconds = Number(values.soak);
      const dashboard = selected.find((operation) => operation.name === 'dashboard') ?? selected[0];
      await stopCapture();
      // The steady phase starts once the heaps have grown to their working size under this load.
      await drive(graphqlUrl('shequ'), dashboard, token, connections, SOAK_WARM_UP_SECONDS);
      const pids = { gateway: stack.gateways.shequ?.child.pid, ...Object.fromEntries(stack.subgraphs.map((s) => [s.name, s.process.child.pid])) };
      const readRss = () => Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, rssMb(pid)]));
      const rssStartMb = readRss();
      // A reading every minute too, so growth that levels off can be told from growth that keeps on.
      const rssEveryMinuteMb: Record<string, number | null>[] = [];
      const sampler = setInterval(() => rssEveryMinuteMb.push(readRss()), 60_000);
      try {
        await drive(graphqlUrl('shequ'), dashboard, token, connections, soakSeconds);
      } finally {
        clearInterval(sampler);
      }
      report.soak = { seconds: soakSeconds, rssStartMb, rssEveryMinuteMb, rssEndMb: readRss() };
    }
    for (const [target, managed] of Object.entries(stack.gateways)) {
      report.peakRssMb[`gateway ${target}`] = peakRssMb(managed?.child.pid);
    }
    for (const subgraph of stack.subgraphs) {
      report.peakRssMb[subgraph.name] = peakRssMb(subgraph.process.child.pid);
    }
  } finally {
    await stack.stop();
    await server?.stop();
  }
  if (!values.smoke) {
    process.stdout.write(`\n${writeReport(report)}`);
  }
  if (profileDir) {
    process.stdout.write(`the CPU profiles are in ${profileDir}\n`);
  }
  if (failed) {
    throw new StartupError('some operations answered with errors');
  }
});
