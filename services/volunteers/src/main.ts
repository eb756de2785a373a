import 'reflect-metadata';
import { runMain, runSubgraphProcess } from '@shequ/kit';
import { readEnvironment } from './environment';
import { volunteersSubgraph } from './subgraph';

runMain(() => runSubgraphProcess(volunteersSubgraph, readEnvironment()));
