import type { SubgraphContext } from '@shequ/kit';
import type { createAssessmentLoaders } from './assessment/assessment.loader';
import type { createCapacityLoaders } from './capacity/capacity.loader';
import type { createCommunityLoaders } from './community/community.loader';
import type { createDemonstrationLoaders } from './demonstration/demonstration-unit.loader';
import type { createPlanLoaders } from './planning/plan.loader';
import type { createPracticalProjectLoaders } from './projects/practical-project.loader';
import type { createRegionLoaders } from './region/region.loader';

/** Every loader one governance request may use, by context; built fresh for each request. */
export interface GovernanceLoaders {
  region: ReturnType<typeof createRegionLoaders>;
  community: ReturnType<typeof createCommunityLoaders>;
  assessment: ReturnType<typeof createAssessmentLoaders>;
  capacity: ReturnType<typeof createCapacityLoaders>;
  planning: ReturnType<typeof createPlanLoaders>;
  projects: ReturnType<typeof createPracticalProjectLoaders>;
  demonstration: ReturnType<typeof createDemonstrationLoaders>;
}

export type GovernanceContext = SubgraphContext<GovernanceLoaders>;
