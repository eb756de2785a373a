import { defineModule } from '@shequ/kit';
import { assessmentHistoryLoader } from './assessment-history.loader';
import { AssessmentSnapshotResolver, RegionAssessmentHistoryResolver } from './assessment-snapshot.resolver';

/** Yearly assessment snapshots taken from the store, their rankings and each region's history. */
export const assessmentModule = defineModule({
  name: 'assessment',
  resolvers: [AssessmentSnapshotResolver, RegionAssessmentHistoryResolver],
  loaders: (dataSource) => ({ history: assessmentHistoryLoader(dataSource) }),
});
