import 'reflect-metadata';
import { runMain, runSubgraphProcess } from '@shequ/kit';
import { readEnvironment } from './environment';
import { publicSafetySubgraph } from './subgraph';

runMain(() => runSubgraphProcess(publicSafetySubgraph, readEnvironment()));
