import { Weight } from '@shequ/kit';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Community, Tier } from '../community/community.entity';
import type { GovernanceContext } from '../context';
import { Region } from '../region/region.entity';
import type { GovernanceFigures, TierTemplates } from './assessment.loader';
import { Assessment } from './assessment.type';
import { REQUIRED_DEPARTMENT_FIGURES, type DepartmentFigures } from './department-stats.type';
import { ASSESSED_INDICATORS, Indicator } from './indicators';
import { assess, type Figures, type Targets } from './scoring';

/**
 * The targets for a set of communities: each indicator's tier target,
 * weighted by how many communities of each tier there are. For a single
 * community that is simply its tier's template.
 */
function targetsFor(templates: TierTemplates, tiers: Record<Tier, number>): Targets | null {
  const total = tiers.ADVANCED + tiers.STANDARD + tiers.FOUNDATIONAL;
  if (total === 0) {
    return null;
  }
  const targets = {} as Targets;
  for (const indicator of ASSESSED_INDICATORS) {
    const weighted = (Object.keys(tiers) as Tier[]).reduce((sum, tier) => sum + tiers[tier] * templates[tier][indicator], 0);
    targets[indicator] = Math.round((weighted / total) * 1000) / 1000;
  }
  return targets;
}

function figuresFrom(departments: DepartmentFigures, governance: GovernanceFigures): Figures {
  const volunteers = departments.volunteerStats;
  return {
    [Indicator.WELFARE_FACILITIES_PER_1000]: departments.serviceStats?.welfareFacilitiesPer1000Residents,
    [Indicator.REQUESTS_RESOLVED_WITHIN_15_DAYS]: departments.serviceStats?.resolvedWithin15DaysRate,
    [Indicator.VOLUNTEERS_PER_100]: volunteers?.registeredVolunteersPer100Residents,
    [Indicator.ACTIVE_VOLUNTEER_SHARE]: volunteers && volunteers.registeredVolunteers > 0 ? volunteers.activeVolunteers / volunteers.registeredVolunteers : null,
    [Indicator.INCIDENTS_PER_1000]: departments.safetyStats?.incidentsPer1000Residents,
    [Indicator.MEDIATION_AGREEMENT_RATE]: departments.safetyStats?.mediationAgreementRate,
    [Indicator.POLICE_LIAISON_COVERAGE]: departments.safetyStats?.policeLiaisonCoverage,
    [Indicator.PRACTICAL_PROJECTS_COMPLETED]: governance.practicalProjectsCompleted,
    [Indicator.OFFICE_SPACE_M2]: governance.officeSpaceM2,
    [Indicator.PROFESSIONAL_SOCIAL_WORKERS]: governance.professionalSocialWorkers,
    [Indicator.COUNCIL_MEETINGS_PER_YEAR]: governance.councilMeetingsPerYear,
  };
}

/** The assessment of any code — a community or a region over its communities — from the same formula. */
export async function assessCode(code: string, departments: DepartmentFigures, context: GovernanceContext): Promise<Assessment | null> {
  const [governance, templates] = await Promise.all([context.loaders.assessment.governanceFigures.load(code), context.loaders.assessment.tierTemplates.load('all')]);
  const targets = targetsFor(templates, governance.tiers);
  if (!targets) {
    return null;
  }
  const result = assess(figuresFrom(departments, governance), targets);
  return {
    score: result.score,
    components: result.components.map((component) => ({ ...component, missing: component.score === null })),
    targetsMet: result.targets.filter((target) => target.met === true),
    targetsMissed: result.targets.filter((target) => target.met === false),
    missingComponents: result.components.filter((component) => component.score === null).map((component) => component.name),
  };
}

@Resolver(() => Community)
export class CommunityAssessmentResolver {
  @Directive(`@requires(fields: "${REQUIRED_DEPARTMENT_FIGURES}")`)
  @FieldResolver(() => Assessment, { nullable: true, description: "The live harmonious-community assessment against the community's tier targets." })
  @Weight(4000)
  assessment(@Root() community: Community & DepartmentFigures, @Ctx() context: GovernanceContext): Promise<Assessment | null> {
    return assessCode(community.code, community, context);
  }
}

@Resolver(() => Region)
export class RegionAssessmentResolver {
  @Directive(`@requires(fields: "${REQUIRED_DEPARTMENT_FIGURES}")`)
  @FieldResolver(() => Assessment, {
    nullable: true,
    description: "The live assessment over the region's communities: its figures against its communities' tier targets, weighted by tier.",
  })
  @Weight(4000)
  assessment(@Root() region: Region & DepartmentFigures, @Ctx() context: GovernanceContext): Promise<Assessment | null> {
    return assessCode(region.code, region, context);
  }
}
