import 'reflect-metadata';
import { runMain, runSubgraphProcess } from '@shequ/kit';
import { readEnvironment } from './environment';
import { governanceSubgraph } from './subgraph';

runMain(() => runSubgraphProcess(governanceSubgraph, readEnvironment()));
