import 'reflect-metadata';
import { runSubgraphMain } from '@shequ/kit';
import { publicSafetySubgraph } from './subgraph';

runSubgraphMain(publicSafetySubgraph);
