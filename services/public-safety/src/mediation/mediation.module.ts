import { defineModule } from '@shequ/kit';
import { MediationCase } from './mediation-case.entity';
import { createMediationCaseLoaders } from './mediation-case.loader';
import { MediationCaseResolver } from './mediation-case.resolver';

/** Civil mediation cases, from receipt to their one closing. */
export const mediationModule = defineModule({ name: 'mediation', entities: [MediationCase], resolvers: [MediationCaseResolver], loaders: createMediationCaseLoaders });
