import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertCommunityCode, authorize, authorizedRecord, recordAudit, assertId } from '@shequ/kit';
import { publicSafetyPolicy } from '../access-policy';
import { CommunityReference } from '../community/community.entity';
import type { PublicSafetyContext } from '../loaders';
import { SupervisedPerson, SupervisionPlan } from './supervised-person.entity';
import { readRegisterSupervisedPerson, readUpdateAssistancePlan, RegisterSupervisedPersonInput, UpdateAssistancePlanInput } from './supervised-person.input';

export const READ_OPERATION = 'read:SupervisedPerson';

@Resolver(() => SupervisedPerson)
export class SupervisedPersonResolver {
  @Query(() => [SupervisedPerson], {
    nullable: true,
    description:
      "RESTRICTED: the persons under supervision in a community, oldest first. Only public-safety staff whose jurisdiction covers the community; everyone else gets FORBIDDEN. Every row returned is audited ('read:SupervisedPerson'). Counts for everyone are in safetyStats.supervisedPersons.",
  })
  supervisedPersons(@Arg('communityCode') communityCode: string, @Ctx() context: PublicSafetyContext): Promise<SupervisedPerson[]> {
    assertCommunityCode(communityCode, 'communityCode');
    authorize(publicSafetyPolicy, 'readSupervisedPersons', context.viewer, communityCode);
    // The read and its audit entries commit together: a row leaves the database only with a record of who read it.
    return context.dataSource.transaction(async (manager) => {
      const persons = await manager.find(SupervisedPerson, { where: { communityCode }, order: { supervisedFrom: 'ASC', id: 'ASC' } });
      for (const person of persons) {
        await recordAudit(manager, context, { operation: READ_OPERATION, targetType: 'SupervisedPerson', targetIds: [person.id] });
      }
      return persons;
    });
  }

  @FieldResolver(() => SupervisionPlan)
  plan(@Root() person: SupervisedPerson): SupervisionPlan {
    return { assistance: person.assistancePlan, education: person.educationPlan, updatedAt: person.planUpdatedAt };
  }

  @FieldResolver(() => CommunityReference)
  community(@Root() person: SupervisedPerson): { code: string } {
    return { code: person.communityCode };
  }

  @Mutation(() => SupervisedPerson, { description: 'RESTRICTED: registers a person under community supervision with their plan and caseworker.' })
  registerSupervisedPerson(@Arg('input', () => RegisterSupervisedPersonInput) input: RegisterSupervisedPersonInput, @Ctx() context: PublicSafetyContext): Promise<SupervisedPerson> {
    const person = readRegisterSupervisedPerson(input);
    authorize(publicSafetyPolicy, 'registerSupervisedPerson', context.viewer, person.communityCode);
    return context.dataSource.transaction(async (manager) => {
      const { id } = await manager.save(manager.create(SupervisedPerson, person));
      await recordAudit(manager, context, { operation: 'registerSupervisedPerson', targetType: 'SupervisedPerson', targetIds: [id] });
      return manager.findOneByOrFail(SupervisedPerson, { id });
    });
  }

  @Mutation(() => SupervisedPerson, { description: "RESTRICTED: changes a supervised person's assistance or education plan, or their caseworker." })
  updateAssistancePlan(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAssistancePlanInput) input: UpdateAssistancePlanInput,
    @Ctx() context: PublicSafetyContext,
  ): Promise<SupervisedPerson> {
    assertId(id, 'id');
    const changes = readUpdateAssistancePlan(input);
    return context.dataSource.transaction(async (manager) => {
      // Missing and out-of-jurisdiction answer alike; only the role is refused as such.
      authorizedRecord(publicSafetyPolicy, 'updateAssistancePlan', context.viewer, await manager.findOne(SupervisedPerson, { where: { id }, lock: { mode: 'pessimistic_write' } }), `supervised person ${id}`, (row) => ({
        code: row.communityCode,
      }));
      await manager.update(SupervisedPerson, { id }, { ...changes, planUpdatedAt: () => 'now()' });
      await recordAudit(manager, context, { operation: 'updateAssistancePlan', targetType: 'SupervisedPerson', targetIds: [id] });
      return manager.findOneByOrFail(SupervisedPerson, { id });
    });
  }
}
