import type { EntityManager } from 'typeorm';
import type { SubgraphContext } from '../server/context';
import { AuditEntry } from './audit-entry.entity';

/**
 * Appends an audit entry through `manager` — pass the transaction's manager
 * so the entry commits or rolls back with the write or read it records.
 */
export async function recordAudit(
  manager: EntityManager,
  context: Pick<SubgraphContext, 'viewer' | 'requestId'>,
  entry: { operation: string; targetType: string; targetIds: string[] },
): Promise<void> {
  await manager.insert(AuditEntry, {
    actorSub: context.viewer?.sub ?? null,
    actorRoles: context.viewer?.roles ?? [],
    operation: entry.operation,
    targetType: entry.targetType,
    targetIds: entry.targetIds,
    requestId: context.requestId,
  });
}
