import { blockScopes, codeRanges, runRefresh } from './refresh';
import { admin, startStatisticsTestGraph, TABLE, valuesByCode, type StatisticsTestGraph } from '../testing/statistics-test';
import { FixtureFeed } from '../testing/fixture-feed';

const STORE_TABLES = ['directory', 'scope_member', 'community_month', 'stock_snapshot', 'sample', 'member', 'assessment_template', 'month_fingerprint', 'scope_count', 'region_month', 'stock_figure'];

async function storeDigest(graph: StatisticsTestGraph): Promise<Record<string, string>> {
  const digest: Record<string, string> = {};
  for (const table of STORE_TABLES) {
    const [row] = await graph.subgraph.dataSource.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS hash FROM statistics.${table} t`);
    digest[table] = `${row.n}:${row.hash}`;
  }
  return digest;
}

describe('the refresh', () => {
  let graph: StatisticsTestGraph;
  beforeAll(async () => {
    graph = await startStatisticsTestGraph();
  });
  afterAll(() => graph.subgraph.stop());

  it('collects again only the months whose fingerprint changed, and recomputes the periods that hold them', async () => {
    const incidents = async (period: Record<string, unknown>) =>
      valuesByCode((await graph.ask(TABLE, { input: { level: 'COMMUNITY', within: ['620103001'], indicators: ['INCIDENTS'], period } })).data.indicatorTable)['620103001004'][0];
    expect(await incidents({ month: '2025-03' })).toBe(1);
    expect(await incidents({ year: 2025 })).toBe(12);

    graph.feed.change('PUBLIC_SAFETY', '2025-03', '620103001004', 'incidents', 7);
    graph.feed.figureReads.clear();
    const record = await runRefresh(graph.subgraph.dataSource, graph.feed, { full: false, blockRows: 25 });
    expect(record.monthsCollected).toBe(1);
    // One changed month read (3 blocks of 25 communities), and every department's stocks (3 pages each); no other month.
    expect([...graph.feed.figureReads.keys()].sort()).toEqual(['GOVERNANCE|stocks', 'PUBLIC_SAFETY|2025-03', 'PUBLIC_SAFETY|stocks', 'SERVICE_DELIVERY|stocks', 'VOLUNTEERS|stocks']);
    expect(graph.feed.figureReads.get('PUBLIC_SAFETY|2025-03')).toBe(3);

    expect(await incidents({ month: '2025-03' })).toBe(7);
    expect(await incidents({ quarter: '2025-Q1' })).toBe(9);
    expect(await incidents({ year: 2025 })).toBe(18);
    expect(await incidents({ twelveMonthsEnding: '2026-02' })).toBe(1 * 9 + 7 + 2 * 2);
    expect(await incidents({ twelveMonthsEnding: '2026-03' })).toBe(9 + 2 * 3);
  });

  it('finds nothing to collect when nothing changed, and leaves the store as it was', async () => {
    const before = await storeDigest(graph);
    graph.feed.figureReads.clear();
    const record = await runRefresh(graph.subgraph.dataSource, graph.feed, { full: false });
    expect(record.monthsCollected).toBe(0);
    expect([...graph.feed.figureReads.keys()].every((key) => key.endsWith('|stocks'))).toBe(true);
    expect(await storeDigest(graph)).toEqual(before);
  });

  it('keeps a department’s figures when its feed fails, and leaves it out of the record', async () => {
    const before = await storeDigest(graph);
    const failing = Object.assign(Object.create(graph.feed) as FixtureFeed, {
      figureBlock: (department: string, months: string[], after: string | null, through: string | null) =>
        department === 'VOLUNTEERS' && after !== null ? Promise.reject(new Error('volunteers is down')) : graph.feed.figureBlock(department as never, months, after, through),
    });
    // The volunteers' feed fails after its first block: the months' fingerprints stay as they were, and the stocks are not touched.
    const record = await runRefresh(graph.subgraph.dataSource, failing, { full: true, blockRows: 24 * 20 });
    expect(record.departments).toEqual(['GOVERNANCE', 'SERVICE_DELIVERY', 'PUBLIC_SAFETY']);
    expect(record.monthsCollected).toBe(48);
    expect(await storeDigest(graph)).toEqual(before);
  });

  it('rebuilds which rows a community adds into only when the directory’s codes or tiers change', async () => {
    const setsOf = async (code: string) =>
      (await graph.subgraph.dataSource.query(`SELECT DISTINCT tier_set FROM statistics.scope_member WHERE community_code = $1 AND scope_code <> community_code ORDER BY 1`, [code])).map((row: { tier_set: number }) => row.tier_set);
    // 620102001001 is ADVANCED: the sets holding ADVANCED are 1, 3, 5 and 7.
    expect(await setsOf('620102001001')).toEqual([1, 3, 5, 7]);
    const versions = async () => graph.subgraph.dataSource.query(`SELECT xmin::text AS version FROM statistics.scope_member ORDER BY scope_code, tier_set, community_code LIMIT 5`);
    const before = await versions();
    await runRefresh(graph.subgraph.dataSource, graph.feed, { full: false });
    // Unchanged: not rebuilt, so its rows keep their versions.
    expect(await versions()).toEqual(before);

    const retiered = Object.assign(Object.create(graph.feed) as FixtureFeed, {
      directory: async (after: string | null) => {
        const page = await graph.feed.directory(after);
        return { ...page, entries: page.entries.map((entry) => (entry.code === '620102001001' ? { ...entry, tier: 'STANDARD' as const } : entry)) };
      },
    });
    try {
      await runRefresh(graph.subgraph.dataSource, retiered, { full: false });
      expect(await setsOf('620102001001')).toEqual([2, 3, 6, 7]);
    } finally {
      await runRefresh(graph.subgraph.dataSource, graph.feed, { full: false });
    }
    expect(await setsOf('620102001001')).toEqual([1, 3, 5, 7]);
  });

  it('says it is refreshing while the refresh lock is held', async () => {
    const STATUS = `{ statisticsStatus { refreshing } }`;
    const holder = graph.subgraph.dataSource.createQueryRunner();
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(4005, 1)');
      expect((await graph.ask(STATUS, {}, null)).data.statisticsStatus.refreshing).toBe(true);
      await holder.query('SELECT pg_advisory_unlock(4005, 1)');
      expect((await graph.ask(STATUS, {}, null)).data.statisticsStatus.refreshing).toBe(false);
    } finally {
      await holder.release();
    }
  });

  it('recomputes every period, past ones included, when governance changes its assessment method', async () => {
    const safety = async () =>
      valuesByCode((await graph.ask(TABLE, { input: { level: 'COMMUNITY', within: ['620102001'], indicators: ['SAFETY_SCORE'], period: { month: '2026-10' } } })).data.indicatorTable)['620102001002'][0];
    // October 2026 has no snapshot: only the mediation figure, 1 agreement in 2 of a STANDARD target 0.85 → 58.8.
    expect(await safety()).toBe(58.8);
    const method = graph.feed.method;
    graph.feed.method = method.map((template) =>
      template.indicator === 'MEDIATION_AGREEMENT_RATE' ? { ...template, targets: template.targets.map((target) => (target.tier === 'STANDARD' ? { ...target, target: 0.5 } : target)) } : template,
    );
    try {
      const record = await runRefresh(graph.subgraph.dataSource, graph.feed, { full: false });
      expect(record.monthsCollected).toBe(0);
      expect(await safety()).toBe(100);
    } finally {
      graph.feed.method = method;
      await runRefresh(graph.subgraph.dataSource, graph.feed, { full: false });
    }
    expect(await safety()).toBe(58.8);
  });

  it('collects every month with full, to the same store', async () => {
    const before = await storeDigest(graph);
    const record = await runRefresh(graph.subgraph.dataSource, graph.feed, { full: true, blockRows: 100 });
    // 24 months of three departments with flows; governance publishes none.
    expect(record.monthsCollected).toBe(72);
    expect(record.full).toBe(true);
    expect(await storeDigest(graph)).toEqual(before);
  });
});

describe('two refreshes at once', () => {
  let once: StatisticsTestGraph;
  let twice: StatisticsTestGraph;
  beforeAll(async () => {
    once = await startStatisticsTestGraph();
    twice = await startStatisticsTestGraph({ refresh: false });
  });
  afterAll(async () => {
    await once.subgraph.stop();
    await twice.subgraph.stop();
  });

  it('take turns under the lock: the second finds nothing changed, and the store is the one a single run leaves', async () => {
    const feed = new FixtureFeed();
    const records = await Promise.all([runRefresh(twice.subgraph.dataSource, feed, { full: false }), runRefresh(twice.subgraph.dataSource, feed, { full: false })]);
    expect(records.map((record) => record.monthsCollected).sort((a, b) => a - b)).toEqual([0, 72]);
    expect(await storeDigest(twice)).toEqual(await storeDigest(once));
  });
});

describe('refreshStatistics on a long refresh', () => {
  let graph: StatisticsTestGraph;
  beforeAll(async () => {
    graph = await startStatisticsTestGraph({ refresh: false });
  });
  afterAll(() => graph.subgraph.stop());

  it('answers within the gateway’s deadline with the run still going, which then finishes on its own', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const feed = graph.feed;
    const figureMonths = feed.figureMonths.bind(feed);
    feed.figureMonths = async (department) => {
      await held;
      return figureMonths(department);
    };
    const answer = await graph.ask(`mutation { refreshStatistics { finishedAt monthsCollected } }`, {}, admin);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.refreshStatistics.finishedAt).toBeNull();
    const status = async () => (await graph.ask(`{ statisticsStatus { asOf refreshing lastRefresh { finishedAt monthsCollected } } }`)).data.statisticsStatus;
    expect(await status()).toMatchObject({ asOf: null, refreshing: true });
    release();
    let done = await status();
    while (done.refreshing) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      done = await status();
    }
    expect(done.lastRefresh.finishedAt).not.toBeNull();
    expect(done.lastRefresh.monthsCollected).toBe(72);
  });
});

describe('the ranges a refresh reads', () => {
  it('cut the directory every so many codes, from the start to the end', () => {
    expect(codeRanges(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([
      { after: null, through: 'b' },
      { after: 'b', through: 'd' },
      { after: 'd', through: null },
    ]);
    expect(codeRanges(['a', 'b', 'c', 'd'], 2)).toEqual([
      { after: null, through: 'b' },
      { after: 'b', through: null },
    ]);
    expect(codeRanges([], 10)).toEqual([{ after: null, through: null }]);
  });

  it('size a block by its months: fewer communities when more months changed', () => {
    const codes = Array.from({ length: 10 }, (_, index) => `c${index}`);
    expect(blockScopes(codes, ['2026-01'], 5)).toHaveLength(2);
    expect(blockScopes(codes, ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'], 5)).toHaveLength(10);
    expect(blockScopes(codes, ['2026-01', '2026-02'], 1)[0]).toEqual({ months: ['2026-01', '2026-02'], after: null, through: 'c0' });
  });
});
