import type { EntityManager } from 'typeorm';
import { notFound } from '../errors/graphql-errors';
import type { SubgraphContext } from '../server/context';
import { AuditEntry } from './audit-entry.entity';
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

/** A write that is one statement: its data-modifying `WITH` parts, the part whose rows it wrote, and what it answers. */
export interface SingleStatementWrite {
  /** `name AS (INSERT … RETURNING *), …`, with parameters $1…$n. */
  parts: string;
  /** The part whose rows are the write's targets: it must return an `id` column. */
  targets: string;
  /** The statement's answer, e.g. `SELECT … FROM inserted`. */
  answer: string;
  parameters: unknown[];
}

/**
 * A write whose audit entry is written by the write's own statement, as one
 * more `WITH` part: the statement is atomic on its own, so no transaction is
 * opened around it and the row locks it takes (the summaries' region rows,
 * which every write of a region shares) are held for that one statement and
 * its commit, instead of over the further round trips of an audit insert and
 * a COMMIT. Like `auditedWrite`, one entry names every id written, and a
 * statement that wrote nothing (an idempotent retry) leaves no entry.
 */
export async function auditedStatement<Row>(
  context: SubgraphContext,
  audit: { operation: string; targetType: string },
  write: SingleStatementWrite,
): Promise<Row[]> {
  const auditLog = context.dataSource.getMetadata(AuditEntry).tablePath;
  const next = write.parameters.length;
  return context.dataSource.query(
    `WITH ${write.parts},
       audited AS (
         INSERT INTO ${auditLog} (actor_sub, actor_roles, operation, target_type, target_ids, request_id)
         SELECT $${next + 1}, $${next + 2}::text[], $${next + 3}, $${next + 4}, array_agg(id::text), $${next + 5}
         FROM ${write.targets} HAVING count(*) > 0
       )
     ${write.answer}`,
    [...write.parameters, context.viewer?.sub ?? null, context.viewer?.roles ?? [], audit.operation, audit.targetType, context.requestId],
  );
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
