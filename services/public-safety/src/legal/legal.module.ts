import { defineModule } from '@shequ/kit';
import { LegalService } from './legal-service.entity';
import { LegalServiceResolver } from './legal-service.resolver';

/** Legal services held in communities and the people they reached. */
export const legalModule = defineModule({ name: 'legal', entities: [LegalService], resolvers: [LegalServiceResolver] });
