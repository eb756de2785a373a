import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { AuditEntry, authorize, badUserInput, PageArgs, readPage, toConnection, type Connection } from '@shequ/kit';
import { publicSafetyPolicy } from '../access-policy';
import type { PublicSafetyContext } from '../loaders';
import { SafetyAuditEntry, SafetyAuditEntryConnection, SafetyAuditFilter } from './audit-log.type';

function readFilter(filter: SafetyAuditFilter | null | undefined): SafetyAuditFilter {
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

@Resolver(() => SafetyAuditEntry)
export class AuditLogResolver {
  @Query(() => SafetyAuditEntryConnection, { nullable: true, description: "Admins only: public safety's audit log, newest first." })
  async auditLog(
    @Ctx() context: PublicSafetyContext,
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => SafetyAuditFilter, { nullable: true }) filter?: SafetyAuditFilter | null,
  ): Promise<Connection<SafetyAuditEntry>> {
    authorize(publicSafetyPolicy, 'readAuditLog', context.viewer);
    const criteria = readFilter(filter);
    const page = readPage(pageArgs);
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
      const id = String(page.after[0]);
      if (!/^\d{1,19}$/.test(id)) {
        throw badUserInput('after', 'not a cursor returned by this list');
      }
      query.andWhere('a.id < :afterId', { afterId: id });
    }
    // The id is a sequence: its order is the order entries were appended, without the ties a timestamp can have.
    const rows = await query.orderBy('a.id', 'DESC').limit(page.first + 1).getMany();
    return toConnection(rows, page, totalCount, (entry) => [entry.id]);
  }
}
