import { defineModule } from '@shequ/kit';
import { SupervisedPerson } from './supervised-person.entity';
import { SupervisedPersonResolver } from './supervised-person.resolver';

/** RESTRICTED: persons under community supervision; every row read is audited. */
export const supervisionModule = defineModule({ name: 'supervision', entities: [SupervisedPerson], resolvers: [SupervisedPersonResolver] });
