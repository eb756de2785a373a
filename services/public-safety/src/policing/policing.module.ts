import { defineModule } from '@shequ/kit';
import { PoliceLiaison } from './police-liaison.entity';
import { createPoliceLiaisonLoaders } from './police-liaison.loader';
import { PoliceLiaisonResolver } from './police-liaison.resolver';

/** One community, one officer: police liaison assignments. */
export const policingModule = defineModule({ name: 'policing', entities: [PoliceLiaison], resolvers: [PoliceLiaisonResolver], loaders: createPoliceLiaisonLoaders });
