import type { DataSource, QueryRunner } from 'typeorm';
import type { Logger } from '@shequ/kit';
import { FEED_DEPARTMENTS, FLOW_MEASURES, type FeedDepartment } from '../catalogue/measures';
import { currentChinaMonth } from '../periods/period';
import { clearStocks, dropUnlistedCodes, EMPTY_BLOCK, rebuildScopes, storeAssessmentMethod, storeDirectory, storedFingerprints, storeFingerprints, forgetFingerprints, storeFlowBlock, storeStocks, type BlockScope } from '../store/figure-store';
import { rollUpMonths, rollUpStocks, snapshotMonths } from '../store/month-figures';
import type { DirectoryPage, FigureBlock } from '../store/feed-page';
import { FEED_PAGE_SIZE, type FeedSource } from './feed-source';

/** The refresh's advisory lock (two int4 keys: the statistics port, 1). */
export const REFRESH_LOCK = { classId: 4005, objectId: 1 };

/** A block's size: about this many community-months, so a block of one month spans 50,000 communities and one of 60 months about 830. */
export const BLOCK_ROWS = 50_000;
/** Work memory of the roll-up's statements. */
const ROLL_UP_WORK_MEM = '256MB';

export interface RefreshOptions {
  full: boolean;
  logger?: Logger;
  /** Community-months per block (BLOCK_ROWS unless a test asks for small blocks). */
  blockRows?: number;
}

export interface RefreshRecord {
  startedAt: Date;
  finishedAt: Date | null;
  full: boolean;
  monthsCollected: number;
  rowsWritten: number;
  departments: string[];
}

async function inTransaction<T>(runner: QueryRunner, work: () => Promise<T>): Promise<T> {
  await runner.startTransaction();
  try {
    const result = await work();
    await runner.commitTransaction();
    return result;
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  }
}

/** What every summed row depends on besides its months: the directory's codes and tiers. */
async function directoryFingerprint(runner: QueryRunner): Promise<string> {
  const [row] = await runner.query(
    `SELECT md5(coalesce((SELECT string_agg(code || '|' || level || '|' || coalesce(tier, ''), ',' ORDER BY code) FROM statistics.directory), '')) AS fingerprint`,
  );
  return row.fingerprint;
}

/** The directory's communities in code order: where the blocks are cut. */
async function directoryCommunities(runner: QueryRunner): Promise<string[]> {
  const rows: { code: string }[] = await runner.query(`SELECT code FROM statistics.directory WHERE level = 'COMMUNITY' ORDER BY code`);
  return rows.map((row) => row.code);
}

/**
 * The directory's communities cut into ranges of `perRange` codes: the first
 * from the start and the last to the end, so a community the directory does
 * not list is still read.
 */
export function codeRanges(codes: readonly string[], perRange: number): { after: string | null; through: string | null }[] {
  const ranges: { after: string | null; through: string | null }[] = [];
  let after: string | null = null;
  for (let last = perRange - 1; last < codes.length - 1; last += perRange) {
    ranges.push({ after, through: codes[last] });
    after = codes[last];
  }
  ranges.push({ after, through: null });
  return ranges;
}

/** The blocks a department's changed months are read in: about `blockRows` community-months each. */
export function blockScopes(codes: readonly string[], months: string[], blockRows: number): BlockScope[] {
  return codeRanges(codes, Math.max(1, Math.floor(blockRows / months.length))).map((range) => ({ months, ...range }));
}

/** Months with flows but no region rows. */
async function monthsNotRolledUp(runner: QueryRunner): Promise<string[]> {
  const rows: { month: string }[] = await runner.query(`SELECT DISTINCT month FROM statistics.community_month EXCEPT SELECT DISTINCT month FROM statistics.region_month`);
  return rows.map((row) => row.month);
}

/** Snapshot months with stocks but no rows of their own. */
async function snapshotsNotRolledUp(runner: QueryRunner): Promise<string[]> {
  const rows: { month: string }[] = await runner.query(`SELECT DISTINCT month FROM statistics.stock_snapshot EXCEPT SELECT DISTINCT month FROM statistics.stock_figure`);
  return rows.map((row) => row.month);
}

/** Every month the store holds flows of. */
async function everyFlowMonth(runner: QueryRunner): Promise<string[]> {
  const rows: { month: string }[] = await runner.query(`SELECT DISTINCT month FROM statistics.community_month ORDER BY month`);
  return rows.map((row) => row.month);
}

/**
 * One refresh of the store from the department feeds. Under a PostgreSQL
 * advisory lock, so a second run waits for the first and then finds its
 * months unchanged: two at once leave the store as one does.
 *  - the directory and the assessment method are read again every time;
 *  - each department's month fingerprints are compared with those held, and
 *    only changed months (all with `full`) are collected again;
 *  - stocks are snapshotted into the current China month every time;
 *  - a collected month is written as its changes; the regions' monthly flows
 *    are summed again for the months that changed, and every row's stocks
 *    for the current month (every month when the directory changed, and
 *    whatever was never rolled up); periods are summed when asked.
 * Each part is its own transaction; a department whose feed fails is left
 * as it was and missing from the record's `departments`.
 */
export async function runRefresh(dataSource: DataSource, feed: FeedSource, options: RefreshOptions): Promise<RefreshRecord> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // A refresh may take longer than a request's statement timeout; this session only.
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock($1, $2)', [REFRESH_LOCK.classId, REFRESH_LOCK.objectId]);
    try {
      return await refreshUnderLock(runner, feed, options);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1, $2)', [REFRESH_LOCK.classId, REFRESH_LOCK.objectId]);
      await runner.query('RESET statement_timeout');
    }
  } finally {
    await runner.release();
  }
}

async function refreshUnderLock(runner: QueryRunner, feed: FeedSource, options: RefreshOptions): Promise<RefreshRecord> {
  const [{ id, started_at: startedAt }] = await runner.query(`INSERT INTO statistics.refresh_log (started_at, "full") VALUES (now(), $1) RETURNING id, started_at`, [options.full]);
  const latestMonth = currentChinaMonth();
  const departments: string[] = [];
  const changedMonths = new Set<string>();
  let rowsWritten = 0;
  let monthsCollected = 0;

  const log = (message: string, since: number) => options.logger?.info({ ms: Math.round(performance.now() - since) }, `statistics refresh: ${message}`);
  let since = performance.now();
  let directoryChanged = false;
  try {
    const directory = await refreshDirectory(runner, feed);
    rowsWritten += directory.written;
    directoryChanged = directory.changed;
    log(`directory${directory.changed ? ' (changed)' : ''} and assessment method read`, since);
  } catch (error) {
    options.logger?.error({ err: error }, 'statistics refresh: the directory or the assessment method could not be read; the store keeps its own');
  }
  const communityCodes = await directoryCommunities(runner);

  // The departments' feeds are read at once (each department's own process does the work); what they return is
  // written one transaction at a time on this connection, so no two writes wait on each other's rows. Each
  // department's month list reads its whole history: one department's at a time, so none runs into its timeout.
  since = performance.now();
  const turns = { write: oneAtATime(), listMonths: oneAtATime() };
  await Promise.all(
    FEED_DEPARTMENTS.map(async (department) => {
      try {
        const started = performance.now();
        const collected = await refreshDepartment(runner, turns, feed, department, { full: options.full, latestMonth, communityCodes, blockRows: options.blockRows ?? BLOCK_ROWS });
        options.logger?.info(
          { ms: Math.round(performance.now() - started), pages: collected.pages, listMs: Math.round(collected.listMs), readMs: Math.round(collected.readMs), writeMs: Math.round(collected.writeMs) },
          `statistics refresh: ${department}: ${collected.monthsCollected} months and the stocks collected`,
        );
        collected.months.forEach((month) => changedMonths.add(month));
        monthsCollected += collected.monthsCollected;
        rowsWritten += collected.rowsWritten;
        departments.push(department);
      } catch (error) {
        options.logger?.error({ err: error, department }, 'statistics refresh: a department feed failed; its figures stay as they were');
      }
    }),
  );
  departments.sort((a, b) => FEED_DEPARTMENTS.indexOf(a as FeedDepartment) - FEED_DEPARTMENTS.indexOf(b as FeedDepartment));
  log('the departments collected', since);

  since = performance.now();
  // The roll-up is planned from these tables' statistics: a store filled by this very run would otherwise be planned
  // as the empty one it was (at stress scale that made a join of 150,000 communities quadratic).
  await runner.query('ANALYZE statistics.directory, statistics.scope_member, statistics.community_month, statistics.sample, statistics.stock_snapshot, statistics.member');
  // What changed, and what the store has not rolled up yet (a new store, or one whose roll-up was interrupted).
  const months = directoryChanged ? await everyFlowMonth(runner) : [...new Set([...changedMonths, ...(await monthsNotRolledUp(runner))])].sort();
  const snapshots = directoryChanged ? await snapshotMonths(runner) : [...new Set([latestMonth, ...(await snapshotsNotRolledUp(runner))])];
  await inTransaction(runner, async () => {
    // The roll-up groups every community into each region and tier set, and counts distinct members: sorts and hashes
    // that PostgreSQL's default 4 MB of work memory spills to disk at stress scale. One connection, one statement at a time.
    await runner.query(`SET LOCAL work_mem = '${ROLL_UP_WORK_MEM}'`);
    await rollUpMonths(runner, months);
    await rollUpStocks(runner, snapshots);
  });
  // The questions are planned from these statistics; autovacuum would take its time to gather them.
  await runner.query('ANALYZE statistics.region_month, statistics.stock_figure, statistics.scope_count');
  log(`${months.length} months and ${snapshots.length} snapshots rolled up`, since);

  // TypeORM answers an UPDATE with [rows, affected].
  const [[finished]] = await runner.query(
    `UPDATE statistics.refresh_log SET finished_at = now(), months_collected = $2, rows_written = $3, departments = $4 WHERE id = $1 RETURNING finished_at`,
    [id, monthsCollected, rowsWritten, departments],
  );
  return { startedAt, finishedAt: finished.finished_at, full: options.full, monthsCollected, rowsWritten, departments };
}

/**
 * governance's directory and assessment method, read whole and then replaced
 * in one transaction; which rows each community adds into is rebuilt only
 * when the directory's codes or tiers changed (or were never built).
 */
async function refreshDirectory(runner: QueryRunner, feed: FeedSource): Promise<{ written: number; changed: boolean }> {
  const codes: string[] = [];
  const pages: DirectoryPage[] = [];
  for (let after: string | null = null; ; ) {
    const page = await feed.directory(after);
    pages.push(page);
    codes.push(...page.entries.map((entry) => entry.code));
    if (!page.nextCursor) {
      break;
    }
    after = page.nextCursor;
  }
  const method = await feed.assessmentMethod();
  return inTransaction(runner, async () => {
    const before = await directoryFingerprint(runner);
    let written = 0;
    for (const page of pages) {
      written += await storeDirectory(runner, page);
    }
    await dropUnlistedCodes(runner, codes);
    const changed = before !== (await directoryFingerprint(runner));
    const [{ built }] = await runner.query(`SELECT EXISTS (SELECT 1 FROM statistics.scope_member) AS built`);
    if (changed || !built) {
      await rebuildScopes(runner);
    }
    return { written: written + (await storeAssessmentMethod(runner, method)), changed };
  });
}

type InTurn = <T>(work: () => Promise<T>) => Promise<T>;

/** Runs the works given one after another, in the order asked, whatever each one's outcome. */
function oneAtATime(): InTurn {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}

type Page = Awaited<ReturnType<FeedSource['stocks']>>;

/** Where a department's refresh spends its time: reading its feed, and writing (not waiting for the turn to write). */
interface DepartmentTimes {
  /** Blocks of flows and pages of stocks read. */
  pages: number;
  readMs: number;
  writeMs: number;
  /** Listing the months with their fingerprints: the department's whole history read. */
  listMs: number;
}

/** Runs `work`, adding its duration to `times[field]`. */
async function timed<T>(times: DepartmentTimes, field: 'readMs' | 'writeMs' | 'listMs', work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    times[field] += performance.now() - started;
  }
}

/** A department's stocks, a range of the directory's codes at a time (a page each, unless the range holds more than a page). */
async function readStocks(feed: FeedSource, department: FeedDepartment, communityCodes: string[], times: DepartmentTimes): Promise<Page[]> {
  const pages: Page[] = [];
  for (const range of codeRanges(communityCodes, FEED_PAGE_SIZE)) {
    for (let after = range.after; ; ) {
      const page = await timed(times, 'readMs', () => feed.stocks(department, after, range.through));
      pages.push(page);
      times.pages += 1;
      if (!page.nextCursor) {
        break;
      }
      after = page.nextCursor;
    }
  }
  return pages;
}

/**
 * One department: its changed months' flows, read a block of communities at
 * a time (every changed month at once, so each fact is read once however
 * many months changed), then its stocks snapshotted into the current month.
 * The next block is read while the last is written; each block is its own
 * transaction, and the months' fingerprints commit after the last, so an
 * interrupted refresh collects those months again.
 */
async function refreshDepartment(
  runner: QueryRunner,
  { write, listMonths }: { write: InTurn; listMonths: InTurn },
  feed: FeedSource,
  department: FeedDepartment,
  { full, latestMonth, communityCodes, blockRows }: { full: boolean; latestMonth: string; communityCodes: string[]; blockRows: number },
) {
  const months = new Set<string>([latestMonth]);
  const times: DepartmentTimes = { pages: 0, readMs: 0, writeMs: 0, listMs: 0 };
  let rowsWritten = 0;
  const published = FLOW_MEASURES[department].length ? await listMonths(() => timed(times, 'listMs', () => feed.figureMonths(department))) : [];
  const held = await write(() => storedFingerprints(runner, department));
  const listed = new Set(published.map((month) => month.month));
  const collected = published.filter((month) => full || held.get(month.month) !== month.fingerprint);
  const store = (scope: BlockScope, block: FigureBlock) =>
    write(() =>
      timed(times, 'writeMs', () =>
        inTransaction(runner, async () => {
          const stored = await storeFlowBlock(runner, department, scope, block);
          stored.changedMonths.forEach((month) => months.add(month));
          return stored.published;
        }),
      ),
    );
  if (collected.length) {
    let writing: Promise<number> = Promise.resolve(0);
    for (const scope of blockScopes(communityCodes, collected.map((month) => month.month), blockRows)) {
      const block = await timed(times, 'readMs', () => feed.figureBlock(department, scope.months, scope.after, scope.through));
      times.pages += 1;
      rowsWritten += await writing;
      writing = store(scope, block);
    }
    rowsWritten += await writing;
    // The fingerprints commit after every block of their months.
    await write(() => storeFingerprints(runner, department, collected));
  }
  // A month the department no longer lists has no flows any more.
  const gone = [...held.keys()].filter((month) => !listed.has(month));
  if (gone.length) {
    await store({ months: gone, after: null, through: null }, EMPTY_BLOCK);
  }
  const stocks = await readStocks(feed, department, communityCodes, times);
  await write(() =>
    timed(times, 'writeMs', async () => {
      await forgetFingerprints(runner, department, [...listed]);
      rowsWritten += await inTransaction(runner, async () => {
        await clearStocks(runner, department, latestMonth);
        let written = 0;
        for (const page of stocks) {
          written += await storeStocks(runner, department, latestMonth, page);
        }
        return written;
      });
    }),
  );
  return { months: [...months], monthsCollected: collected.length, rowsWritten, ...times };
}
