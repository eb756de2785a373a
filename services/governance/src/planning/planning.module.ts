import { defineModule } from '@shequ/kit';
import { Plan, PlanMeasure, PlanTarget } from './plan.entity';
import { createPlanLoaders } from './plan.loader';
import { PlanResolver, RegionPlansResolver } from './plan.resolver';

/** Five-year and annual plans with their targets and measures. */
export const planningModule = defineModule({
  name: 'planning',
  entities: [Plan, PlanTarget, PlanMeasure],
  resolvers: [PlanResolver, RegionPlansResolver],
  loaders: createPlanLoaders,
});
