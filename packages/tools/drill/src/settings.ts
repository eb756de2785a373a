import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { StartupError } from '@shequ/kit';
import { REPOSITORY_ROOT } from '@shequ/schema';

export const USAGE = 'usage: pnpm drill [--smoke] [--seconds N] [--results FOLDER]';

/** How hard and how long the drill pushes; everything it does is derived from these, read once from the command line. */
export interface DrillSettings {
  smoke: boolean;
  /** How long a lasting fault (a hang, a slow subgraph) lasts. */
  faultSeconds: number;
  /** Where the report's .md, .json and the processes' log go. */
  resultsDir: string;
  /** Concurrent callers: readers of the cross-department dashboard, readers of one department, writers of service requests. */
  callers: { dashboard: number; oneDepartment: number; writers: number };
  /** The gateway's SUBGRAPH_TIMEOUT_MS. */
  subgraphTimeoutMs: number;
  /** How long the drill waits for the platform to answer in full again after a fault before calling it not recovered. */
  recoveryLimitMs: number;
  /** How long every read must have answered in full, every kind at least twice, to count as recovered. */
  stableMs: number;
  /** A caller gives up on an answer after this long: a transport failure. */
  clientTimeoutMs: number;
  /** A writer gives up retrying one request after this long. */
  writeRetryLimitMs: number;
}

const argumentsSchema = z.object({
  smoke: z.boolean(),
  seconds: z.coerce.number().int().min(1, 'must be a whole number of seconds, at least 1').max(600, 'must be at most 600: the drill is bounded in time').optional(),
  results: z.string().min(1).optional(),
});

/** Reads and checks the command line; a bad argument is a StartupError naming it, with the usage. */
export function readSettings(argv: string[]): DrillSettings {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      options: { smoke: { type: 'boolean', default: false }, seconds: { type: 'string' }, results: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    throw new StartupError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const parsed = argumentsSchema.safeParse(values);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new StartupError(`${issues}\n${USAGE}`);
  }
  const { smoke, seconds, results } = parsed.data;
  // A deadline well under the gateway's default 10 s, so that a bounded drill sees it pass several times per
  // fault; it changes how long a caller waits before being told, not what it is told.
  const subgraphTimeoutMs = 4000;
  return {
    smoke,
    faultSeconds: seconds ?? (smoke ? 5 : 20),
    resultsDir: results ?? join(REPOSITORY_ROOT, 'packages', 'tools', 'drill', 'results'),
    callers: smoke ? { dashboard: 2, oneDepartment: 1, writers: 2 } : { dashboard: 4, oneDepartment: 2, writers: 3 },
    subgraphTimeoutMs,
    recoveryLimitMs: 90_000,
    stableMs: smoke ? 2000 : 5000,
    clientTimeoutMs: subgraphTimeoutMs * 3,
    writeRetryLimitMs: 60_000,
  };
}
