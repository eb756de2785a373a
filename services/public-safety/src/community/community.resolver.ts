import { Arg, Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs, readPage, type Connection, Weight } from '@shequ/kit';
import { Inspection } from '../inspections/inspection.entity';
import { INSPECTION_CURSOR } from '../inspections/inspection.loader';
import { SafetyIncident } from '../incidents/safety-incident.entity';
import { SAFETY_INCIDENT_CURSOR } from '../incidents/safety-incident.loader';
import { readSafetyIncidentFilter, SafetyIncidentFilter } from '../incidents/safety-incident.input';
import type { PublicSafetyContext } from '../context';
import { MediationCase } from '../mediation/mediation-case.entity';
import { MEDIATION_CASE_CURSOR } from '../mediation/mediation-case.loader';
import { MediationCaseFilter, readMediationCaseFilter } from '../mediation/mediation-case.input';
import { PoliceLiaison } from '../policing/police-liaison.entity';
import { SafetyGroup } from '../prevention/patrol.entity';
import { CommunityReference, RegionReference } from './community.reference';
import { SafetyStats } from './safety-stats.type';
import { toSafetyStats } from './safety-stats.loader';

export const SafetyIncidentConnection = ConnectionType('SafetyIncident', SafetyIncident);
export const MediationCaseConnection = ConnectionType('MediationCase', MediationCase);
export const InspectionConnection = ConnectionType('Inspection', Inspection);

@Resolver(() => CommunityReference)
export class CommunitySafetyResolver {
  @FieldResolver(() => PoliceLiaison, { nullable: true, description: "The community's current police liaison; null is a gap: no officer assigned." })
  async policeLiaison(@Root() community: CommunityReference, @Ctx() context: PublicSafetyContext): Promise<PoliceLiaison | null> {
    return context.loaders.policing.currentPoliceLiaison.load(community.code);
  }

  @FieldResolver(() => [SafetyGroup], { nullable: true, description: 'Security committees and patrol groups of the community.' })
  safetyGroups(@Root() community: CommunityReference, @Ctx() context: PublicSafetyContext): Promise<SafetyGroup[]> {
    return context.loaders.prevention.safetyGroupsByCommunity.load(community.code);
  }

  @FieldResolver(() => SafetyIncidentConnection, { nullable: true, description: "The community's safety incidents, latest first." })
  safetyIncidents(
    @Root() community: CommunityReference,
    @Ctx() context: PublicSafetyContext,
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => SafetyIncidentFilter, { nullable: true }) filter?: SafetyIncidentFilter | null,
  ): Promise<Connection<SafetyIncident>> {
    return context.loaders.incidents.safetyIncidentPages.load({ scope: community.code, criteria: readSafetyIncidentFilter(filter), page: readPage(pageArgs, SAFETY_INCIDENT_CURSOR) });
  }

  @FieldResolver(() => MediationCaseConnection, { nullable: true, description: "The community's mediation cases, latest received first." })
  mediationCases(
    @Root() community: CommunityReference,
    @Ctx() context: PublicSafetyContext,
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => MediationCaseFilter, { nullable: true }) filter?: MediationCaseFilter | null,
  ): Promise<Connection<MediationCase>> {
    return context.loaders.mediation.mediationCasePages.load({ scope: community.code, criteria: readMediationCaseFilter(filter), page: readPage(pageArgs, MEDIATION_CASE_CURSOR) });
  }

  @FieldResolver(() => InspectionConnection, { nullable: true, description: "The community's inspections, latest first." })
  inspections(@Root() community: CommunityReference, @Ctx() context: PublicSafetyContext, @Args() pageArgs: PageArgs): Promise<Connection<Inspection>> {
    return context.loaders.inspections.inspectionPages.load({ scope: community.code, criteria: {}, page: readPage(pageArgs, INSPECTION_CURSOR) });
  }

  @Directive('@requires(fields: "population")')
  @FieldResolver(() => SafetyStats, { nullable: true, description: "The community's safety figures; incidentsPer1000Residents uses governance's population." })
  @Weight(1500)
  async safetyStats(@Root() community: CommunityReference, @Ctx() context: PublicSafetyContext): Promise<SafetyStats> {
    return toSafetyStats(await context.loaders.community.safetyStats.load(community.code), community.population ?? 0, 1);
  }
}

@Resolver(() => RegionReference)
export class RegionSafetyResolver {
  @Directive('@requires(fields: "population communityCount")')
  @FieldResolver(() => SafetyStats, { nullable: true, description: "The region's safety figures over every community under it; coverage is over governance's communityCount." })
  @Weight(1500)
  async safetyStats(@Root() region: RegionReference, @Ctx() context: PublicSafetyContext): Promise<SafetyStats> {
    return toSafetyStats(await context.loaders.community.safetyStats.load(region.code), region.population ?? 0, region.communityCount ?? 0);
  }
}
