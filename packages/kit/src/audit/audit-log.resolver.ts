import { Arg, Args, Ctx, Query, Resolver, type ClassType } from 'type-graphql';
import type { AccessPolicy } from '../auth/access-policy';
import { authorize } from '../auth/access-policy';
import { badUserInput } from '../errors/graphql-errors';
import { PageArgs, readPage, toConnection, type Connection } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';
import { AuditEntry } from './audit-entry.entity';
import { AuditLogEntry, AuditLogEntryConnection, AuditLogFilter } from './audit-log.types';

function readFilter(filter: AuditLogFilter | null | undefined): AuditLogFilter {
  for (const field of ['operation', 'actorSub'] as const) {
    const value = filter?.[field];
    if (value != null && (value.length === 0 || value.length > 200)) {
      throw badUserInput(`filter.${field}`, 'must be 1–200 characters');
    }
  }
  if (filter?.from && filter.to && filter.to <= filter.from) {
    throw badUserInput('filter.to', 'must come after filter.from');
  }
  return filter ?? {};
}

/** Reads one page of the subgraph's audit_log, newest first. */
async function readAuditLog(context: SubgraphContext, filter: AuditLogFilter | null | undefined, pageArgs: PageArgs): Promise<Connection<AuditLogEntry>> {
  const criteria = readFilter(filter);
  const page = readPage(pageArgs, ['bigint']);
  const query = context.dataSource.getRepository(AuditEntry).createQueryBuilder('a');
  if (criteria.operation) {
    query.andWhere('a.operation = :operation', { operation: criteria.operation });
  }
  if (criteria.actorSub) {
    query.andWhere('a.actor_sub = :actorSub', { actorSub: criteria.actorSub });
  }
  if (criteria.from) {
    query.andWhere('a.occurred_at >= :from', { from: criteria.from });
  }
  if (criteria.to) {
    query.andWhere('a.occurred_at < :to', { to: criteria.to });
  }
  const totalCount = await query.clone().getCount();
  if (page.after) {
    query.andWhere('a.id < :afterId', { afterId: page.after[0] });
  }
  // The id is a sequence: its order is the order entries were appended, without the ties a timestamp can have.
  const rows = await query.orderBy('a.id', 'DESC').limit(page.first + 1).getMany();
  return toConnection(rows, page, totalCount, (entry) => [entry.id]);
}

/**
 * The resolver of a subgraph's audit log: one root field, named per subgraph
 * (`governanceAuditLog`, …) because two subgraphs may not both resolve the
 * same Query field, guarded by the subgraph policy's `readAuditLog` rule.
 */
export function auditLogResolver(options: { fieldName: string; subgraph: string; policy: AccessPolicy<'readAuditLog'> }): ClassType {
  @Resolver()
  class SubgraphAuditLogResolver {
    @Query(() => AuditLogEntryConnection, {
      name: options.fieldName,
      nullable: true,
      description: `Admins only: the ${options.subgraph} subgraph's audit log (every write and every restricted read), newest first.`,
    })
    auditLog(
      @Ctx() context: SubgraphContext,
      @Args() pageArgs: PageArgs,
      @Arg('filter', () => AuditLogFilter, { nullable: true }) filter?: AuditLogFilter | null,
    ): Promise<Connection<AuditLogEntry>> {
      authorize(options.policy, 'readAuditLog', context.viewer);
      return readAuditLog(context, filter, pageArgs);
    }
  }
  return SubgraphAuditLogResolver;
}
