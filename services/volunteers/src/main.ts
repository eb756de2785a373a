import 'reflect-metadata';
import { runSubgraphMain } from '@shequ/kit';
import { volunteersSubgraph } from './subgraph';

runSubgraphMain(volunteersSubgraph);
