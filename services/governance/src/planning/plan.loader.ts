import { In, type DataSource } from 'typeorm';
import { loaderByKey, loaderOfLists } from '@shequ/kit';
import { Plan, PlanMeasure, PlanTarget } from './plan.entity';

export function createPlanLoaders(dataSource: DataSource) {
  return {
    planById: loaderByKey(
      (ids: string[]) => dataSource.getRepository(Plan).findBy({ id: In(ids) }),
      (plan) => plan.id,
    ),
    plansByRegion: loaderOfLists(
      (codes: string[]) => dataSource.getRepository(Plan).find({ where: { regionCode: In(codes) }, order: { startYear: 'DESC', kind: 'ASC' } }),
      (plan) => plan.regionCode,
    ),
    targetsByPlan: loaderOfLists(
      (ids: string[]) => dataSource.getRepository(PlanTarget).find({ where: { planId: In(ids) }, order: { dueYear: 'ASC', indicator: 'ASC' } }),
      (target) => target.planId,
    ),
    measuresByPlan: loaderOfLists(
      (ids: string[]) => dataSource.getRepository(PlanMeasure).find({ where: { planId: In(ids) }, order: { dueDate: 'ASC' } }),
      (measure) => measure.planId,
    ),
    annualPlansByParent: loaderOfLists(
      (ids: string[]) => dataSource.getRepository(Plan).find({ where: { parentPlanId: In(ids) }, order: { startYear: 'ASC' } }),
      (plan) => plan.parentPlanId as string,
    ),
  };
}
