import { defineModule } from '@shequ/kit';
import { createAssessmentLoaders } from './assessment.loader';
import { CommunityAssessmentResolver, RegionAssessmentResolver } from './assessment.resolver';

/** The live harmonious-community assessment of a community or region, from the figures the other departments' subgraphs hand over. */
export const assessmentModule = defineModule({
  name: 'assessment',
  resolvers: [CommunityAssessmentResolver, RegionAssessmentResolver],
  loaders: createAssessmentLoaders,
});
