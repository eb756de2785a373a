import { auditLogMigration, defineSubgraph, type SubgraphDefinition } from '@shequ/kit';
// Imported in this order so that schema.graphql keeps its order of definitions.
import { statisticsModule } from './statistics/statistics.module';
import { auditModule } from './audit/audit.module';
import { assessmentModule } from './assessment/assessment.module';
import { demonstrationModule } from './demonstration/demonstration.module';
import { planningModule } from './planning/planning.module';
import { projectsModule } from './projects/projects.module';
import { capacityModule } from './capacity/capacity.module';
import { communityModule } from './community/community.module';
import { regionModule } from './region/region.module';
import type { GovernanceLoaders } from './context';
import { RegionsAndCommunities1764400000000 } from './migrations/1764400000000-regions-and-communities';
import { PlanningAndAssessment1764600000000 } from './migrations/1764600000000-planning-and-assessment';
import { AssessmentSnapshotsMoved1767000000000 } from './migrations/1767000000000-assessment-snapshots-moved';

/** Governance planning: owns Region and Community, the keys every other subgraph extends. */
export const governanceSubgraph: SubgraphDefinition<GovernanceLoaders> = defineSubgraph({
  name: 'governance',
  migrations: [RegionsAndCommunities1764400000000, auditLogMigration('governance'), PlanningAndAssessment1764600000000, AssessmentSnapshotsMoved1767000000000],
  modules: [regionModule, communityModule, assessmentModule, capacityModule, planningModule, projectsModule, demonstrationModule, auditModule, statisticsModule],
});
