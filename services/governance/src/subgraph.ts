import { auditLogMigration, AuditEntry, defineSubgraph } from '@shequ/kit';
import { DirectoryResolver } from './statistics/directory.resolver';
import { GovernanceFigureFeed } from './statistics/governance-figures';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { CommunityAssessmentResolver, RegionAssessmentResolver } from './assessment/assessment.resolver';
import { CommunityDemonstrationResolver, DemonstrationUnitResolver } from './demonstration/demonstration-unit.resolver';
import { DemonstrationUnit } from './demonstration/demonstration-unit.entity';
import { Plan, PlanMeasure, PlanTarget } from './planning/plan.entity';
import { PlanResolver, RegionPlansResolver } from './planning/plan.resolver';
import { PracticalProject } from './projects/practical-project.entity';
import { CommunityProjectsResolver, PracticalProjectResolver } from './projects/practical-project.resolver';
import { CommunityCapacityResolver } from './capacity/capacity.resolver';
import { CommunityCapacity } from './capacity/community-capacity.entity';
import { PlanningAndAssessment1764600000000 } from './migrations/1764600000000-planning-and-assessment';
import { AssessmentSnapshotsMoved1767000000000 } from './migrations/1767000000000-assessment-snapshots-moved';
import { Community } from './community/community.entity';
import { CommunityResolver } from './community/community.resolver';
import { createGovernanceLoaders, type GovernanceContext } from './loaders';
import { RegionsAndCommunities1764400000000 } from './migrations/1764400000000-regions-and-communities';
import { Region } from './region/region.entity';
import { RegionResolver } from './region/region.resolver';
import { DivisionCodesResolver } from './region/division-codes.resolver';

/** Governance planning: owns Region and Community, the keys every other subgraph extends. */
export const governanceSubgraph = defineSubgraph({
  name: 'governance',
  databaseSchema: 'governance',
  entities: [Region, Community, CommunityCapacity, Plan, PlanTarget, PlanMeasure, PracticalProject, DemonstrationUnit, AuditEntry],
  migrations: [RegionsAndCommunities1764400000000, auditLogMigration('governance'), PlanningAndAssessment1764600000000, AssessmentSnapshotsMoved1767000000000],
  resolvers: [
    RegionResolver,
    DivisionCodesResolver,
    CommunityResolver,
    CommunityAssessmentResolver,
    RegionAssessmentResolver,
    CommunityCapacityResolver,
    PlanResolver,
    RegionPlansResolver,
    PracticalProjectResolver,
    CommunityProjectsResolver,
    DemonstrationUnitResolver,
    CommunityDemonstrationResolver,
    AuditLogResolver,
    GovernanceFigureFeed,
    DirectoryResolver,
  ],
  references: {
    // The representation may carry figures other subgraphs resolved for a @requires; keep them beside the row.
    Region: async (reference: { code: string }, context: GovernanceContext) => {
      const region = await context.loaders.regionByCode.load(reference.code);
      return region && { ...region, ...reference };
    },
    Community: async (reference: { code: string }, context: GovernanceContext) => {
      const community = await context.loaders.communityByCode.load(reference.code);
      return community && { ...community, ...reference };
    },
  },
  createLoaders: createGovernanceLoaders,
});
