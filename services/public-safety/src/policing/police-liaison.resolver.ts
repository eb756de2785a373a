import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { auditedWrite, authorize, badUserInput, graphqlError, isAllowed, personalValue } from '@shequ/kit';
import { IsNull, QueryFailedError } from 'typeorm';
import { publicSafetyPolicy } from '../access-policy';
import type { PublicSafetyContext } from '../context';
import { PoliceLiaison } from './police-liaison.entity';
import { AssignPoliceLiaisonInput, readAssignPoliceLiaison } from './police-liaison.input';

@Resolver(() => PoliceLiaison)
export class PoliceLiaisonResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "The officer's phone; only its last four digits (*******5678) unless you are a resident, community worker or staff of the community; null for anonymous callers.",
  })
  officerPhone(@Root() liaison: PoliceLiaison, @Ctx() context: PublicSafetyContext): string | null {
    return personalValue(liaison.officerPhone, 'phone', context.viewer, isAllowed(publicSafetyPolicy, 'readPoliceLiaisonPhone', context.viewer, liaison.communityCode));
  }

  @Mutation(() => PoliceLiaison, { description: "Assigns a community's police liaison; the previous assignment ends on `since`." })
  assignPoliceLiaison(@Arg('input', () => AssignPoliceLiaisonInput) input: AssignPoliceLiaisonInput, @Ctx() context: PublicSafetyContext): Promise<PoliceLiaison> {
    const assignment = readAssignPoliceLiaison(input);
    authorize(publicSafetyPolicy, 'assignPoliceLiaison', context.viewer, assignment.communityCode);
    return auditedWrite(context, { operation: 'assignPoliceLiaison', targetType: 'PoliceLiaison' }, async (manager) => {
      const open = await manager.findOne(PoliceLiaison, { where: { communityCode: assignment.communityCode, until: IsNull() }, lock: { mode: 'pessimistic_write' } });
      const touched: string[] = [];
      if (open) {
        if (assignment.since < open.since) {
          throw badUserInput('input.since', `must not precede the current assignment's start (${open.since})`);
        }
        await manager.update(PoliceLiaison, { id: open.id }, { until: assignment.since });
        touched.push(open.id);
      }
      const saved = await manager.save(manager.create(PoliceLiaison, { ...assignment, until: null }));
      return { result: saved, targetIds: [saved.id, ...touched] };
    }).catch((error: unknown) => {
      // Two assignments racing for a community with no current officer: the partial unique index lets one win.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw graphqlError('CONFLICT', `another police liaison was assigned to ${assignment.communityCode} at the same time; retry`);
      }
      throw error;
    });
  }
}
