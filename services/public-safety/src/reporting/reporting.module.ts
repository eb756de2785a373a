import { defineModule } from '@shequ/kit';
import { SafetyRankingResolver } from './safety-ranking.resolver';

/** Communities of a region ranked by a safety metric. */
export const reportingModule = defineModule({ name: 'reporting', resolvers: [SafetyRankingResolver] });
