import 'reflect-metadata';

export { volunteersSubgraph } from './subgraph';
export { volunteersPolicy, type VolunteersOperation } from './access-policy';
