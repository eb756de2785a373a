import 'reflect-metadata';

export { volunteersSubgraph } from './subgraph';
