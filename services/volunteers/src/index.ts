import 'reflect-metadata';

export { volunteersSubgraph } from './subgraph';
export { insertVolunteersFixture, VOLUNTEERS_FIXTURE } from './testing/fixture';
export { volunteersPolicy, type VolunteersOperation } from './access-policy';
