import 'reflect-metadata';
import { runSubgraphMain } from '@shequ/kit';
import { governanceSubgraph } from './subgraph';

runSubgraphMain(governanceSubgraph);
