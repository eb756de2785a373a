import { defineModule } from '@shequ/kit';
import { DirectoryResolver } from './directory.resolver';
import { GovernanceFigureFeed } from './governance-figures';

/** What the statistics store reads from governance: the figure feed, the directory of regions and communities, and the assessment's method. */
export const statisticsModule = defineModule({ name: 'statistics', resolvers: [GovernanceFigureFeed, DirectoryResolver] });
