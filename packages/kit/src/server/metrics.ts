import cluster from 'node:cluster';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { offerToClusterScrapes, scrapeWholeCluster } from '../observability/cluster-metrics';
import { RequestObservation, type RequestOutcome } from '../observability/request-observation';

/** Seconds; the last buckets reach past the gateway's 10 s subgraph deadline. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** A request's statements: one or a few when its loaders batch (no N+1), many when they do not. */
const STATEMENT_BUCKETS = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89];
/** Error codes are the platform's own words, never a caller's; still, a label stops growing here. */
const MAX_ERROR_CODES = 64;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

let processRegistry: Registry | null = null;

/**
 * Figures of the Node process itself (memory, CPU, event-loop lag, GC, and
 * `shequ_processes`, 1 per process), collected once however many servers a
 * process runs (tests run several): they describe the process, not a server,
 * and each collection keeps its own event-loop monitor running.
 */
function processFigures(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'shequ_' });
    new Gauge({
      name: 'shequ_processes',
      help: 'Processes whose figures this scrape adds up: the workers of a process with WORKERS > 1, else 1.',
      registers: [processRegistry],
    }).set(1);
  }
  return processRegistry;
}

/** A subgraph's database, as its metrics read it. */
export interface ObservedDatabase {
  /** SQL statements sent since the process started. */
  statements(): number;
  /** The connection pool now, or null before it exists. */
  pool(): { total: number; idle: number; waiting: number } | null;
}

/** What `/metrics` answers. */
export interface MetricsPage {
  contentType: string;
  text: string;
}

/**
 * A process's Prometheus metrics (prom-client), labelled with its service:
 * `/graphql` requests (a counter, and a duration histogram by operation type
 * and outcome — never by operation name, which callers choose), GraphQL
 * errors by `extensions.code`, and for a subgraph its SQL (statements in
 * all, statements per request) and connection pool. In a cluster worker a
 * scrape answers the whole process's figures, added up by the primary.
 */
export class ProcessMetrics {
  /** The service's own metrics; the gateway adds its per-subgraph ones here. */
  readonly registry = new Registry();
  private readonly requests: Counter;
  private readonly duration: Histogram<'operation_type' | 'outcome'>;
  private readonly errors: Counter<'code'>;
  private readonly statementsPerRequest: Histogram | null = null;
  private readonly errorCodes = new Set<string>();

  constructor(service: string, database?: ObservedDatabase) {
    this.registry.setDefaultLabels({ service });
    const registers = [this.registry];
    this.requests = new Counter({ name: 'shequ_graphql_requests_total', help: 'GraphQL requests received at /graphql.', registers });
    this.duration = new Histogram({
      name: 'shequ_graphql_request_duration_seconds',
      help: 'Time from a /graphql request arriving to its answer, by operation type (query, mutation, unknown when refused before parsing) and outcome (ok, partial: data with errors, error, abandoned: the caller left).',
      labelNames: ['operation_type', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.errors = new Counter({ name: 'shequ_graphql_errors_total', help: 'Errors in GraphQL answers, by extensions.code.', labelNames: ['code'], registers });
    if (database) {
      new Counter({
        name: 'shequ_sql_statements_total',
        help: 'SQL statements sent to PostgreSQL.',
        registers,
        collect() {
          this.reset();
          this.inc(database.statements());
        },
      });
      this.statementsPerRequest = new Histogram({
        name: 'shequ_sql_statements_per_request',
        help: 'SQL statements sent on behalf of one /graphql request.',
        buckets: STATEMENT_BUCKETS,
        registers,
      });
      new Gauge({
        name: 'shequ_database_pool_connections',
        help: 'Connections of the database pool, by state: in_use (checked out) or idle.',
        labelNames: ['state'],
        registers,
        collect() {
          const pool = database.pool();
          this.set({ state: 'in_use' }, pool ? pool.total - pool.idle : 0);
          this.set({ state: 'idle' }, pool?.idle ?? 0);
        },
      });
      new Gauge({
        name: 'shequ_database_pool_waiting',
        help: 'Queries waiting for a free connection of the pool.',
        registers,
        collect() {
          this.set(database.pool()?.waiting ?? 0);
        },
      });
    }
  }

  /** The process's server listens: a cluster worker's figures join the whole process's from now on. */
  serving(): void {
    if (cluster.isWorker) {
      offerToClusterScrapes([processFigures(), this.registry]);
    }
  }

  /** Starts observing one `/graphql` request; it is recorded when its `end` is called. */
  startRequest(): RequestObservation {
    this.requests.inc();
    const stopTimer = this.duration.startTimer();
    return new RequestObservation((observation, outcome: RequestOutcome) => {
      stopTimer({ operation_type: observation.operationType, outcome });
      for (const code of observation.errorCodes) {
        this.errors.inc({ code: this.boundedCode(code) });
      }
      this.statementsPerRequest?.observe(observation.statements);
    });
  }

  /** The text exposition: this process's figures, or in a cluster worker every worker's added up. */
  async render(): Promise<MetricsPage> {
    const contentType = this.registry.contentType;
    if (cluster.isWorker) {
      return { contentType, text: await scrapeWholeCluster() };
    }
    return { contentType, text: `${await processFigures().metrics()}\n${await this.registry.metrics()}` };
  }

  private boundedCode(code: string): string {
    if (!ERROR_CODE.test(code)) {
      return 'OTHER';
    }
    if (!this.errorCodes.has(code) && this.errorCodes.size >= MAX_ERROR_CODES) {
      return 'OTHER';
    }
    this.errorCodes.add(code);
    return code;
  }
}
