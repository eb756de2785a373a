import { Client } from 'pg';
import type { WriteEntry } from './write-ledger';

/** A request the writers' ledger and the database disagree on. */
export interface WriteFinding {
  key: string;
  /** When its first attempt was sent (drill clock, ms): the fault it belongs to. */
  firstAt: number;
  /** Rows the database holds for the key. */
  rows: number;
  acknowledgedId?: string;
  storedIds: string[];
}

export interface WriteAudit {
  sent: number;
  acknowledged: number;
  abandoned: number;
  /** Acknowledged, and not in service_delivery.service_request. */
  lost: WriteFinding[];
  /** In the table more than once. */
  duplicated: WriteFinding[];
  /** Acknowledged with an id other than the stored request's. */
  mismatched: WriteFinding[];
  /** Stored although the writer never got an acknowledgement (it gave up): the platform did the work, the caller does not know. */
  storedUnacknowledged: WriteFinding[];
}

/**
 * Holds the ledger against the table itself, read directly: every
 * acknowledged idempotency key must be there exactly once, with the id the
 * caller was given.
 */
export async function auditWrites(databaseUrl: string, keyPrefix: string, entries: WriteEntry[]): Promise<WriteAudit> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let stored: Map<string, string[]>;
  try {
    const { rows } = await client.query<{ key: string; ids: string[] }>(
      `SELECT idempotency_key AS key, array_agg(id::text ORDER BY id) AS ids
         FROM service_delivery.service_request
        WHERE left(idempotency_key, length($1)) = $1
        GROUP BY idempotency_key`,
      [`${keyPrefix}-`],
    );
    stored = new Map(rows.map((row) => [row.key, row.ids]));
  } finally {
    await client.end();
  }
  const finding = (entry: WriteEntry): WriteFinding => {
    const storedIds = stored.get(entry.key) ?? [];
    return { key: entry.key, firstAt: entry.firstAt, rows: storedIds.length, storedIds, ...(entry.acknowledged ? { acknowledgedId: entry.acknowledged.id } : {}) };
  };
  const acknowledged = entries.filter((entry) => entry.acknowledged);
  const known = new Set(entries.map((entry) => entry.key));
  const strangers = [...stored.entries()].filter(([key]) => !known.has(key)).map(([key, ids]) => ({ key, firstAt: -1, rows: ids.length, storedIds: ids }));
  return {
    sent: entries.length,
    acknowledged: acknowledged.length,
    abandoned: entries.filter((entry) => entry.abandoned).length,
    lost: acknowledged.filter((entry) => !stored.has(entry.key)).map(finding),
    duplicated: [...entries.filter((entry) => (stored.get(entry.key)?.length ?? 0) > 1).map(finding), ...strangers.filter((stranger) => stranger.rows > 1)],
    mismatched: acknowledged.filter((entry) => stored.has(entry.key) && !(stored.get(entry.key) as string[]).includes(entry.acknowledged?.id as string)).map(finding),
    storedUnacknowledged: [...entries.filter((entry) => !entry.acknowledged && stored.has(entry.key)).map(finding), ...strangers],
  };
}
