import 'reflect-metadata';
import { runSubgraphMain } from '@shequ/kit';
import { serviceDeliverySubgraph } from './subgraph';

runSubgraphMain(serviceDeliverySubgraph);
