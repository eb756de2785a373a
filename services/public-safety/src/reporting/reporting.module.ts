import { defineModule } from '@shequ/kit';
import { IncidentTrendResolver } from './incident-trend.resolver';
import { SafetyRankingResolver } from './safety-ranking.resolver';

/** Communities of a region ranked by a safety metric, and incidents over time. */
export const reportingModule = defineModule({ name: 'reporting', resolvers: [SafetyRankingResolver, IncidentTrendResolver] });
