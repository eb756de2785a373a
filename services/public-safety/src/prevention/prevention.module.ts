import { defineModule } from '@shequ/kit';
import { Patrol, SafetyGroup } from './patrol.entity';
import { createPatrolLoaders } from './patrol.loader';
import { PatrolResolver } from './patrol.resolver';

/** Mass prevention: security committees, patrol groups and their patrols. */
export const preventionModule = defineModule({ name: 'prevention', entities: [SafetyGroup, Patrol], resolvers: [PatrolResolver], loaders: createPatrolLoaders });
