import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertCommunityCode, auditedRead, auditedWrite, authorize, authorizedRecord, assertId } from '@shequ/kit';
import { publicSafetyPolicy } from '../access-policy';
import { CommunityReference } from '../community/community.reference';
import type { PublicSafetyContext } from '../context';
import { SupervisedPerson, SupervisionPlan } from './supervised-person.entity';
import { readRegisterSupervisedPerson, readUpdateAssistancePlan, RegisterSupervisedPersonInput, UpdateAssistancePlanInput } from './supervised-person.input';

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
    return auditedRead(
      context,
      'SupervisedPerson',
      (manager) => manager.find(SupervisedPerson, { where: { communityCode }, order: { supervisedFrom: 'ASC', id: 'ASC' } }),
      (person) => person.id,
    );
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
    return auditedWrite(context, { operation: 'registerSupervisedPerson', targetType: 'SupervisedPerson' }, async (manager) => {
      const { id } = await manager.save(manager.create(SupervisedPerson, person));
      return { result: await manager.findOneByOrFail(SupervisedPerson, { id }), targetIds: [id] };
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
    return auditedWrite(context, { operation: 'updateAssistancePlan', targetType: 'SupervisedPerson' }, async (manager) => {
      // Missing and out-of-jurisdiction answer alike; only the role is refused as such.
      authorizedRecord(publicSafetyPolicy, 'updateAssistancePlan', context.viewer, await manager.findOne(SupervisedPerson, { where: { id }, lock: { mode: 'pessimistic_write' } }), `supervised person ${id}`, (row) => ({
        code: row.communityCode,
      }));
      await manager.update(SupervisedPerson, { id }, { ...changes, planUpdatedAt: () => 'now()' });
      return { result: await manager.findOneByOrFail(SupervisedPerson, { id }), targetIds: [id] };
    });
  }
}
