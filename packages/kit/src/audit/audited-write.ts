import type { EntityManager } from 'typeorm';
import { notFound } from '../errors/graphql-errors';
import type { SubgraphContext } from '../server/context';
import { recordAudit } from './record-audit';

/**
 * Runs a write in one transaction and appends its audit entry in the same
 * transaction: either both land or neither does. `write` returns the result
 * and the ids it touched; a write that changed nothing (an idempotent retry
 * answered with the first result) returns no ids and leaves no entry.
 *
 * Naming: `operation` is the mutation's field name, exactly
 * (`updateIncidentStatus`, `closeMediationCase`, `acceptServiceRequest`), so
 * the audit log filters by the name a client calls. Whatever varies within
 * one mutation (the status moved to, an outcome) is not part of the name:
 * the audit entry has no column for it, and the record itself (its status,
 * its transitions) says what it became. Restricted reads are audited with
 * `auditedRead` as `read:<Type>`.
 */
export async function auditedWrite<Result>(
  context: SubgraphContext,
  audit: { operation: string; targetType: string },
  write: (manager: EntityManager) => Promise<{ result: Result; targetIds: string[] }>,
): Promise<Result> {
  return context.dataSource.transaction(async (manager) => {
    const { result, targetIds } = await write(manager);
    if (targetIds.length > 0) {
      await recordAudit(manager, context, { ...audit, targetIds });
    }
    return result;
  });
}

/**
 * Reads restricted rows and appends one audit entry per row returned
 * (operation `read:<targetType>`), in one transaction: a row leaves the
 * database only with a record of who read it.
 */
export async function auditedRead<Row>(
  context: SubgraphContext,
  targetType: string,
  read: (manager: EntityManager) => Promise<Row[]>,
  idOf: (row: Row) => string,
): Promise<Row[]> {
  return context.dataSource.transaction(async (manager) => {
    const rows = await read(manager);
    for (const row of rows) {
      await recordAudit(manager, context, { operation: `read:${targetType}`, targetType, targetIds: [idOf(row)] });
    }
    return rows;
  });
}

/** The row, or NOT_FOUND naming what was looked for. */
export function found<Row>(row: Row | null | undefined, what: string): Row {
  if (row === null || row === undefined) {
    throw notFound(what);
  }
  return row;
}
