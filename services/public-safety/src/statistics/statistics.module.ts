import { defineModule } from '@shequ/kit';
import { PublicSafetyFigureFeed } from './public-safety-figures';

/** Public safety's figures for the provincial statistics store. */
export const statisticsModule = defineModule({ name: 'statistics', resolvers: [PublicSafetyFigureFeed] });
