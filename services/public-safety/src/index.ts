import 'reflect-metadata';

export { publicSafetySubgraph } from './subgraph';
