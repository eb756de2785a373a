import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

/** One registry's figures as `getMetricsAsJSON` gives them, the form AggregatorRegistry adds up. */
type RegistryFigures = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

/** A worker serving the port: it answers the primary's requests for its figures from now on. */
const SERVING = 'shequ:metrics-serving';
/** A worker asks the primary for the whole process's figures (a scrape reached it). */
const SCRAPE = 'shequ:metrics-scrape';
const SCRAPED = 'shequ:metrics-scraped';
/** The primary asks a worker for its own figures. */
const COLLECT = 'shequ:metrics-collect';
const COLLECTED = 'shequ:metrics-collected';

/** How long the primary waits for every worker's figures; the worker that asked waits a little longer. */
const COLLECT_TIMEOUT_MS = 5_000;
const SCRAPE_TIMEOUT_MS = 8_000;

type Message = { type: string; id: number; text?: string; error?: string; metrics?: RegistryFigures[] };

function messageOf(value: unknown, type: string): Message | null {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type ? (value as Message) : null;
}

/**
 * In the primary of a process with WORKERS > 1 (which serves no request
 * itself): answers a worker's scrape with every serving worker's figures
 * added up by prom-client's AggregatorRegistry — counters and histograms
 * summed — so one scrape of the shared port, whichever worker takes it, sees
 * the whole process. Only workers already serving are asked: one still
 * starting (or restarting) would otherwise hold every scrape up.
 */
export function serveClusterMetrics(): void {
  const serving = new Set<Worker>();
  const collections = new Map<number, { figures: RegistryFigures[]; pending: Set<Worker>; settle: (error?: Error) => void }>();
  let nextCollection = 0;

  const collect = (): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      const id = ++nextCollection;
      const pending = new Set([...serving].filter((worker) => worker.isConnected()));
      const figures: RegistryFigures[] = [];
      const timer = setTimeout(() => settle(new Error(`${pending.size} worker(s) did not send their figures`)), COLLECT_TIMEOUT_MS);
      const settle = (error?: Error) => {
        clearTimeout(timer);
        collections.delete(id);
        if (error) {
          reject(error);
        } else {
          AggregatorRegistry.aggregate(figures).metrics().then(resolve, reject);
        }
      };
      collections.set(id, { figures, pending, settle });
      for (const worker of pending) {
        worker.send({ type: COLLECT, id });
      }
      if (pending.size === 0) {
        settle();
      }
    });

  cluster.on('exit', (worker) => {
    serving.delete(worker);
    // A worker that died mid-collection has nothing more to send: the others' figures are the process's now.
    for (const collection of collections.values()) {
      if (collection.pending.delete(worker) && collection.pending.size === 0) {
        collection.settle();
      }
    }
  });

  cluster.on('message', (worker, value: unknown) => {
    if (messageOf(value, SERVING)) {
      serving.add(worker);
      return;
    }
    const collected = messageOf(value, COLLECTED);
    if (collected) {
      const collection = collections.get(collected.id);
      if (collection?.pending.delete(worker)) {
        collection.figures.push(...(collected.metrics ?? []));
        if (collection.pending.size === 0) {
          collection.settle();
        }
      }
      return;
    }
    const scrape = messageOf(value, SCRAPE);
    if (scrape) {
      const answer = (reply: { text?: string; error?: string }) => {
        if (worker.isConnected()) {
          worker.send({ type: SCRAPED, id: scrape.id, ...reply });
        }
      };
      collect().then(
        (text) => answer({ text }),
        (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }),
      );
    }
  });
}

/**
 * In a worker, once it serves: its registries' figures are the primary's to
 * add up from now on (see serveClusterMetrics).
 */
export function offerToClusterScrapes(registries: Registry[]): void {
  process.on('message', (value: unknown) => {
    const request = messageOf(value, COLLECT);
    if (!request) {
      return;
    }
    Promise.all(registries.map((registry) => registry.getMetricsAsJSON())).then(
      (metrics) => process.send?.({ type: COLLECTED, id: request.id, metrics }),
      (error: unknown) => process.send?.({ type: COLLECTED, id: request.id, metrics: [], error: String(error) }),
    );
  });
  process.send?.({ type: SERVING, id: 0 });
}

let nextScrape = 0;
const waiting = new Map<number, (answer: Message) => void>();

/** In a worker: the whole process's figures, added up by the primary. */
export function scrapeWholeCluster(): Promise<string> {
  if (nextScrape === 0) {
    process.on('message', (value: unknown) => {
      const answer = messageOf(value, SCRAPED);
      if (answer) {
        waiting.get(answer.id)?.(answer);
      }
    });
  }
  const id = ++nextScrape;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => settle({ type: SCRAPED, id, error: 'the cluster primary did not answer the scrape' }), SCRAPE_TIMEOUT_MS);
    const settle = (answer: Message) => {
      clearTimeout(timer);
      waiting.delete(id);
      if (answer.text !== undefined) {
        resolve(answer.text);
      } else {
        reject(new Error(answer.error ?? 'no figures'));
      }
    };
    waiting.set(id, settle);
    process.send?.({ type: SCRAPE, id });
  });
}
