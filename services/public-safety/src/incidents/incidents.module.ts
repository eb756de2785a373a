import { defineModule } from '@shequ/kit';
import { SafetyIncident } from './safety-incident.entity';
import { createSafetyIncidentLoaders } from './safety-incident.loader';
import { SafetyIncidentResolver } from './safety-incident.resolver';

/** Safety incidents, reported and moved through their statuses. */
export const incidentsModule = defineModule({ name: 'incidents', entities: [SafetyIncident], resolvers: [SafetyIncidentResolver], loaders: createSafetyIncidentLoaders });
