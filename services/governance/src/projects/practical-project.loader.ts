import { In, type DataSource } from 'typeorm';
import { loaderOfLists } from '@shequ/kit';
import { PracticalProject } from './practical-project.entity';

export function createPracticalProjectLoaders(dataSource: DataSource) {
  return {
    practicalProjectsByCommunity: loaderOfLists(
      (codes: string[]) => dataSource.getRepository(PracticalProject).find({ where: { communityCode: In(codes) }, order: { year: 'DESC', title: 'ASC' } }),
      (project) => project.communityCode,
    ),
  };
}
