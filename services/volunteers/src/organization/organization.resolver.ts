import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertTransition, auditedWrite, chinaToday, authorize, authorizedRecord, badUserInput, ConnectionType, isAllowed, PageArgs, readPage, significantPrefix, type Connection, assertId } from '@shequ/kit';
import { volunteersPolicy } from '../access-policy';
import { CommunityReference } from '../community/community.reference';
import type { VolunteersContext } from '../context';
import { conflictOnDuplicate } from '../common/conflict';
import { Organization, OrganizationCommunity, ORGANIZATION_TRANSITIONS, OrganizationStage } from './organization.entity';
import { ORGANIZATION_CURSOR } from './organization.loader';
import { AdvanceOrganizationStageInput, OrganizationFilter, readAdvanceOrganizationStage, readOrganizationFilter, readRegisterOrganization, RegisterOrganizationInput } from './organization.input';

export const SocialOrganizationConnection = ConnectionType('SocialOrganization', Organization);

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'One intermediary or social organisation; null when there is none with this id.' })
  organization(@Arg('id', () => ID) id: string, @Ctx() context: VolunteersContext): Promise<Organization | null> {
    return context.loaders.organization.organizationById.load(assertId(id, 'id'));
  }

  @Query(() => SocialOrganizationConnection, { description: 'Organisations by name, narrowed by the filter (e.g. stage: INCUBATING in a region).' })
  organizations(
    @Ctx() context: VolunteersContext,
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter?: OrganizationFilter | null,
  ): Promise<Connection<Organization>> {
    const { regionCode, criteria } = readOrganizationFilter(filter);
    const page = readPage(pageArgs, ORGANIZATION_CURSOR);
    return context.loaders.organization.organizationPagesByPrefix.load({ scope: regionCode ? significantPrefix(regionCode) : '', criteria, page });
  }

  @FieldResolver(() => [CommunityReference], { description: 'The communities it serves.' })
  async communities(@Root() organization: Organization, @Ctx() context: VolunteersContext): Promise<Pick<CommunityReference, 'code'>[]> {
    return (await context.loaders.organization.communitiesByOrganization.load(organization.id)).map((link) => ({ code: link.communityCode }));
  }

  @Mutation(() => Organization, { description: 'Registers an organisation in the INCUBATING stage, serving the given communities.' })
  registerOrganization(@Arg('input', () => RegisterOrganizationInput) input: RegisterOrganizationInput, @Ctx() context: VolunteersContext): Promise<Organization> {
    const draft = readRegisterOrganization(input);
    authorize(volunteersPolicy, 'registerOrganization', context.viewer, { community: draft.communityCodes });
    return auditedWrite(context, { operation: 'registerOrganization', targetType: 'SocialOrganization' }, async (manager) => {
      const { communityCodes, ...fields } = draft;
      const saved = await manager.save(manager.create(Organization, { ...fields, stage: OrganizationStage.INCUBATING, registrationNumber: null, registeredOn: null }));
      await manager.insert(
        OrganizationCommunity,
        communityCodes.map((communityCode) => ({ organizationId: saved.id, communityCode })),
      );
      return { result: saved, targetIds: [saved.id] };
    });
  }

  @Mutation(() => Organization, {
    description: 'Moves an organisation along INCUBATING → REGISTERED → ACTIVE, to SUSPENDED, or from SUSPENDED back to REGISTERED. Registering needs a registration number.',
  })
  advanceOrganizationStage(@Arg('input', () => AdvanceOrganizationStageInput) input: AdvanceOrganizationStageInput, @Ctx() context: VolunteersContext): Promise<Organization> {
    const change = readAdvanceOrganizationStage(input);
    return conflictOnDuplicate('another organisation has this registration number', () =>
      auditedWrite(context, { operation: 'advanceOrganizationStage', targetType: 'SocialOrganization' }, async (manager) => {
        const row = await manager.findOne(Organization, { where: { id: change.id }, lock: { mode: 'pessimistic_write' } });
        const served = row ? await manager.findBy(OrganizationCommunity, { organizationId: row.id }) : [];
        // Any community served within the caller's reach will do; with none, the organisation answers as an unknown id.
        const reachable = served.find((link) => isAllowed(volunteersPolicy, 'advanceOrganizationStage', context.viewer, link.communityCode)) ?? served[0];
        const organization = authorizedRecord(volunteersPolicy, 'advanceOrganizationStage', context.viewer, row, `organization ${change.id}`, () => ({
          code: reachable?.communityCode ?? '',
        }));
        assertTransition(ORGANIZATION_TRANSITIONS, organization.stage, change.stage, 'the organisation');
        if (change.stage === OrganizationStage.REGISTERED) {
          const registrationNumber = change.registrationNumber ?? organization.registrationNumber;
          if (!registrationNumber) {
            throw badUserInput('input.registrationNumber', 'is required to register the organisation');
          }
          organization.registrationNumber = registrationNumber;
          organization.registeredOn = change.registeredOn ?? organization.registeredOn ?? chinaToday();
        }
        organization.stage = change.stage;
        return { result: await manager.save(organization), targetIds: [organization.id] };
      }),
    );
  }
}
