import type { EntityManager } from 'typeorm';
import { notFound } from '../errors/graphql-errors';
import type { SubgraphContext } from '../server/context';
import { recordAudit } from './record-audit';

/**
 * Runs a write in one transaction and appends its audit entry in the same
 * transaction: either both land or neither does. `write` returns the result
 * and the ids it touched.
 */
export async function auditedWrite<Result>(
  context: SubgraphContext,
  audit: { operation: string; targetType: string },
  write: (manager: EntityManager) => Promise<{ result: Result; targetIds: string[] }>,
): Promise<Result> {
  return context.dataSource.transaction(async (manager) => {
    const { result, targetIds } = await write(manager);
    await recordAudit(manager, context, { ...audit, targetIds });
    return result;
  });
}

/** The row, or NOT_FOUND naming what was looked for. */
export function found<Row>(row: Row | null | undefined, what: string): Row {
  if (row === null || row === undefined) {
    throw notFound(what);
  }
  return row;
}
