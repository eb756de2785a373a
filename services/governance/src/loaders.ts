import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@shequ/kit';
import { createAssessmentLoaders } from './assessment/assessment.loader';
import { createDemonstrationLoaders } from './demonstration/demonstration-unit.loader';
import { createPlanLoaders } from './planning/plan.loader';
import { createPracticalProjectLoaders } from './projects/practical-project.loader';
import { createCommunityLoaders } from './community/community.loader';
import { createRegionLoaders } from './region/region.loader';

/** Every loader one governance request may use; built fresh for each request. */
export function createGovernanceLoaders(dataSource: DataSource) {
  return {
    ...createRegionLoaders(dataSource),
    ...createCommunityLoaders(dataSource),
    ...createAssessmentLoaders(dataSource),
    ...createPlanLoaders(dataSource),
    ...createPracticalProjectLoaders(dataSource),
    ...createDemonstrationLoaders(dataSource),
  };
}

export type GovernanceLoaders = ReturnType<typeof createGovernanceLoaders>;
export type GovernanceContext = SubgraphContext<GovernanceLoaders>;
