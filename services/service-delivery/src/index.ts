import 'reflect-metadata';

export { serviceDeliverySubgraph } from './subgraph';
