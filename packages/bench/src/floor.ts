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

/** The SQL each subgraph sent since the last reset, and clears it. */
export async function takeCapture(): Promise<Record<string, CapturedStatement[]>> {
  const entries = await Promise.all(
    SUBGRAPHS.map(async (entry) => [entry.name, (await (await fetch(`http://127.0.0.1:${entry.port}/debug/sql?reset`)).json()) as CapturedStatement[]] as const),
  );
  return Object.fromEntries(entries);
}

/**
 * The floor: the statements the subgraphs ran for one request, replayed
 * directly with pg — each subgraph's in sequence on its own connection, the
 * subgraphs side by side, as the gateway would reach them at best. Returns
 * the median milliseconds over `rounds` replays after one warm-up.
 */
export async function replayFloor(databaseUrl: string, captured: Record<string, CapturedStatement[]>, rounds = 5): Promise<number> {
  const clients = await Promise.all(
    Object.keys(captured).map(async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  try {
    const timings: number[] = [];
    const statementSets = Object.values(captured);
    for (let round = 0; round < rounds + 1; round += 1) {
      const started = process.hrtime.bigint();
      await Promise.all(
        statementSets.map(async (statements, index) => {
          for (const statement of statements) {
            await clients[index].query(statement.sql, statement.parameters as unknown[]);
          }
        }),
      );
      if (round >= 1) {
        timings.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
    timings.sort((a, b) => a - b);
    return Math.round(timings[Math.floor(timings.length / 2)] * 10) / 10;
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}
