import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { auditedWrite, authorize, badUserInput } from '@shequ/kit';
import { publicSafetyPolicy } from '../access-policy';
import type { PublicSafetyContext } from '../context';
import { Patrol, SafetyGroup } from './patrol.entity';
import { readRecordPatrol, RecordPatrolInput } from './patrol.input';

@Resolver(() => Patrol)
export class PatrolResolver {
  @Mutation(() => Patrol, { description: 'Records a patrol held in a community.' })
  recordPatrol(@Arg('input', () => RecordPatrolInput) input: RecordPatrolInput, @Ctx() context: PublicSafetyContext): Promise<Patrol> {
    const patrol = readRecordPatrol(input);
    authorize(publicSafetyPolicy, 'recordPatrol', context.viewer, patrol.communityCode);
    return auditedWrite(context, { operation: 'recordPatrol', targetType: 'Patrol' }, async (manager) => {
      if (patrol.groupId) {
        // Another community's group reads as no group at all: the answer never tells where a group is.
        const group = await manager.findOneBy(SafetyGroup, { id: patrol.groupId });
        if (group?.communityCode !== patrol.communityCode) {
          throw badUserInput('input.groupId', `community ${patrol.communityCode} has no safety group with this id`);
        }
      }
      const saved = await manager.save(manager.create(Patrol, patrol));
      return { result: saved, targetIds: [saved.id] };
    });
  }
}
