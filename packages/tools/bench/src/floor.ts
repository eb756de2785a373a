import { Client } from 'pg';
import { SUBGRAPHS } from '@shequ/schema';

interface CapturedStatement {
  sql: string;
  parameters: unknown[];
}

/** Clears every subgraph's captured SQL. */
export async function resetCapture(): Promise<void> {
  await Promise.all(SUBGRAPHS.map((entry) => fetch(`http://127.0.0.1:${entry.port}/debug/sql?reset`)));
}

/** Stops every subgraph keeping its SQL (before a soak, whose memory readings it would swell). */
export async function stopCapture(): Promise<void> {
  await Promise.all(SUBGRAPHS.map((entry) => fetch(`http://127.0.0.1:${entry.port}/debug/sql?stop`)));
}

/** The SQL each subgraph sent since the last reset, and stops keeping it until the next reset: under load it would only swell the subgraphs. */
export async function takeCapture(): Promise<Record<string, CapturedStatement[]>> {
  const entries = await Promise.all(
    SUBGRAPHS.map(async (entry) => [entry.name, (await (await fetch(`http://127.0.0.1:${entry.port}/debug/sql?stop`)).json()) as CapturedStatement[]] as const),
  );
  return Object.fromEntries(entries);
}

/** A statement of the floor and its median time alone, to show where the floor goes. */
export interface SlowStatement {
  subgraph: string;
  ms: number;
  /** The statement's first words, whitespace collapsed. */
  sql: string;
}

export interface Floor {
  /** Median milliseconds of a whole replay. */
  ms: number;
  /** The slowest statements, slowest first. */
  slowest: SlowStatement[];
  /** Median milliseconds of each subgraph's statements in sequence: the longest is the floor's path. */
  bySubgraph: Record<string, number>;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10;
};

/**
 * The floor: the statements the subgraphs ran for one request, replayed
 * directly with pg — each subgraph's in sequence on its own connection, the
 * subgraphs side by side, as the gateway would reach them at best. Gives the
 * median over `rounds` replays after one warm-up, and the slowest statements.
 */
export async function replayFloor(databaseUrl: string, captured: Record<string, CapturedStatement[]>, rounds = 9): Promise<Floor> {
  const subgraphs = Object.keys(captured);
  const clients = await Promise.all(
    subgraphs.map(async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  try {
    const timings: number[] = [];
    const subgraphTimings = subgraphs.map(() => [] as number[]);
    const statementTimings = subgraphs.map((subgraph) => captured[subgraph].map(() => [] as number[]));
    for (let round = 0; round < rounds + 1; round += 1) {
      const started = process.hrtime.bigint();
      await Promise.all(
        subgraphs.map(async (subgraph, index) => {
          const subgraphStarted = process.hrtime.bigint();
          for (const [position, statement] of captured[subgraph].entries()) {
            const statementStarted = process.hrtime.bigint();
            await clients[index].query(statement.sql, statement.parameters as unknown[]);
            if (round >= 1) {
              statementTimings[index][position].push(Number(process.hrtime.bigint() - statementStarted) / 1e6);
            }
          }
          if (round >= 1) {
            subgraphTimings[index].push(Number(process.hrtime.bigint() - subgraphStarted) / 1e6);
          }
        }),
      );
      if (round >= 1) {
        timings.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
    const slowest = subgraphs
      .flatMap((subgraph, index) =>
        captured[subgraph].map((statement, position) => ({ subgraph, ms: median(statementTimings[index][position]), sql: statement.sql.replace(/\s+/g, ' ').slice(0, 120) })),
      )
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5);
    return { ms: median(timings), slowest, bySubgraph: Object.fromEntries(subgraphs.map((subgraph, index) => [subgraph, median(subgraphTimings[index])])) };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}
