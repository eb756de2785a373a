import { Arg, Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, readPage, type Connection, Weight } from '@shequ/kit';
import type { ServiceDeliveryContext } from '../context';
import { ServiceFacility } from '../facilities/service-facility.entity';
import { readFacilityFilter, ServiceFacilityFilter } from '../facilities/service-facility.input';
import { ServiceRequestConnection } from '../requests/service-request.connection';
import type { ServiceRequest } from '../requests/service-request.entity';
import { SERVICE_REQUEST_CURSOR } from '../requests/service-request.loader';
import { readRequestFilter, ServiceRequestFilter } from '../requests/service-request.input';
import { CommunityReference, RegionReference } from './community.reference';
import { ServiceStats, withPopulation } from './service-stats.type';

@Resolver(() => CommunityReference)
export class CommunityServiceResolver {
  @FieldResolver(() => [ServiceFacility], { nullable: true, description: "The community's service facilities, by kind and name." })
  serviceFacilities(
    @Root() community: CommunityReference,
    @Ctx() context: ServiceDeliveryContext,
    @Arg('filter', () => ServiceFacilityFilter, { nullable: true }) filter?: ServiceFacilityFilter | null,
  ): Promise<ServiceFacility[]> {
    return context.loaders.facilities.facilityLists.load({ communityCode: community.code, criteria: readFacilityFilter(filter) });
  }

  @FieldResolver(() => ServiceRequestConnection, { nullable: true, description: "The community's service requests, newest first. Descriptions and submitters are null unless you may read them." })
  serviceRequests(
    @Root() community: CommunityReference,
    @Ctx() context: ServiceDeliveryContext,
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => ServiceRequestFilter, { nullable: true }) filter?: ServiceRequestFilter | null,
  ): Promise<Connection<ServiceRequest>> {
    return context.loaders.requests.serviceRequestPages.load({ scope: community.code, criteria: readRequestFilter(filter), page: readPage(pageArgs, SERVICE_REQUEST_CURSOR) });
  }

  @Directive('@requires(fields: "population")')
  @FieldResolver(() => ServiceStats, { nullable: true, description: 'Service delivery in this community (public aggregate).' })
  @Weight(2500)
  async serviceStats(@Root() community: CommunityReference, @Ctx() context: ServiceDeliveryContext): Promise<ServiceStats> {
    return withPopulation(await context.loaders.community.serviceFigures.load(community.code), community.population);
  }
}

@Resolver(() => RegionReference)
export class RegionServiceResolver {
  @Directive('@requires(fields: "population")')
  @FieldResolver(() => ServiceStats, { nullable: true, description: 'Service delivery over every community of this region (public aggregate).' })
  @Weight(2500)
  async serviceStats(@Root() region: RegionReference, @Ctx() context: ServiceDeliveryContext): Promise<ServiceStats> {
    return withPopulation(await context.loaders.community.serviceFigures.load(region.code), region.population);
  }
}
