import { Arg, Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { ConnectionType, isAllowed, ratio, PageArgs, readPage, type Connection, Weight } from '@shequ/kit';
import { volunteersPolicy } from '../access-policy';
import { VolunteerActivity } from '../activity/activity.entity';
import { ACTIVITY_CURSOR } from '../activity/activity.loader';
import { readActivityFilter, VolunteerActivityFilter } from '../activity/activity.input';
import type { VolunteersContext } from '../context';
import { Organization } from '../organization/organization.entity';
import { ORGANIZATION_CURSOR } from '../organization/organization.loader';
import { OrganizationFilter, readOrganizationFilter } from '../organization/organization.input';
import { SocialOrganizationConnection } from '../organization/organization.resolver';
import { Volunteer } from '../volunteer/volunteer.entity';
import { VOLUNTEER_CURSOR } from '../volunteer/volunteer.loader';
import { readVolunteerFilter, VolunteerFilter } from '../volunteer/volunteer.input';
import { CommunityReference, RegionReference } from './community.reference';
import { VolunteerStats } from './volunteer-stats.type';

export const VolunteerConnection = ConnectionType('Volunteer', Volunteer);
export const VolunteerActivityConnection = ConnectionType('VolunteerActivity', VolunteerActivity);

/** Adds governance's population (from the @requires) to the SQL figures: the same rate at every level. */
async function statsFor(code: string, population: number, context: VolunteersContext): Promise<VolunteerStats> {
  const figures = await context.loaders.community.volunteerFigures.load(code);
  return {
    ...figures,
    registeredVolunteersPer100Residents: ratio(figures.registeredVolunteers * 100, population),
  };
}

@Resolver(() => CommunityReference)
export class CommunityVolunteersResolver {
  @FieldResolver(() => VolunteerConnection, {
    nullable: true,
    description: "Volunteers registered in the community, newest first. For community workers, volunteers-department staff and analysts whose jurisdiction covers it (null for others); personal fields stay masked unless you may see them.",
  })
  volunteers(
    @Root() community: CommunityReference,
    @Ctx() context: VolunteersContext,
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => VolunteerFilter, { nullable: true }) filter?: VolunteerFilter | null,
  ): Promise<Connection<Volunteer>> | null {
    const criteria = readVolunteerFilter(filter);
    const page = readPage(pageArgs, VOLUNTEER_CURSOR);
    if (!isAllowed(volunteersPolicy, 'readVolunteers', context.viewer, community.code)) {
      return null;
    }
    return context.loaders.volunteer.volunteerPages.load({ scope: community.code, criteria, page });
  }

  @FieldResolver(() => VolunteerActivityConnection, { nullable: true, description: 'Volunteer activities held in the community, latest start first.' })
  volunteerActivities(
    @Root() community: CommunityReference,
    @Ctx() context: VolunteersContext,
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => VolunteerActivityFilter, { nullable: true }) filter?: VolunteerActivityFilter | null,
  ): Promise<Connection<VolunteerActivity>> {
    const criteria = readActivityFilter(filter);
    return context.loaders.activity.activityPages.load({ scope: community.code, criteria, page: readPage(pageArgs, ACTIVITY_CURSOR) });
  }

  @FieldResolver(() => SocialOrganizationConnection, { nullable: true, description: 'Intermediary and social organisations serving the community, by name. (filter.regionCode is ignored here.)' })
  organizations(
    @Root() community: CommunityReference,
    @Ctx() context: VolunteersContext,
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter?: OrganizationFilter | null,
  ): Promise<Connection<Organization>> {
    const { criteria } = readOrganizationFilter(filter);
    return context.loaders.organization.organizationPages.load({ scope: community.code, criteria, page: readPage(pageArgs, ORGANIZATION_CURSOR) });
  }

  @Directive('@requires(fields: "population")')
  @FieldResolver(() => VolunteerStats, { nullable: true, description: 'Volunteering in the community; the same figures as Region.volunteerStats.' })
  @Weight(1000)
  volunteerStats(@Root() community: CommunityReference, @Ctx() context: VolunteersContext): Promise<VolunteerStats> {
    return statsFor(community.code, community.population, context);
  }
}

@Resolver(() => RegionReference)
export class RegionVolunteersResolver {
  @Directive('@requires(fields: "population")')
  @FieldResolver(() => VolunteerStats, { nullable: true, description: "Volunteering over every community in the region; the same figures as Community.volunteerStats." })
  @Weight(1000)
  volunteerStats(@Root() region: RegionReference, @Ctx() context: VolunteersContext): Promise<VolunteerStats> {
    return statsFor(region.code, region.population, context);
  }
}
