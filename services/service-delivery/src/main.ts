import 'reflect-metadata';
import { runMain, runSubgraphProcess } from '@shequ/kit';
import { readEnvironment } from './environment';
import { serviceDeliverySubgraph } from './subgraph';

runMain(() => runSubgraphProcess(serviceDeliverySubgraph, readEnvironment()));
