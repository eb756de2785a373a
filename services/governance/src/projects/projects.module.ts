import { defineModule } from '@shequ/kit';
import { PracticalProject } from './practical-project.entity';
import { createPracticalProjectLoaders } from './practical-project.loader';
import { CommunityProjectsResolver, PracticalProjectResolver } from './practical-project.resolver';

/** Communities' practical projects for a year. */
export const projectsModule = defineModule({
  name: 'projects',
  entities: [PracticalProject],
  resolvers: [PracticalProjectResolver, CommunityProjectsResolver],
  loaders: createPracticalProjectLoaders,
});
