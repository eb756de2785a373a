import 'reflect-metadata';
import { join } from 'node:path';
import { runMain, writeSchemaFile } from '@shequ/kit';
import { statisticsSubgraph } from './subgraph';

/** Emits schema.graphql, the SDL that is committed and composed. */
runMain(() => writeSchemaFile(statisticsSubgraph, join(__dirname, '..', 'schema.graphql')));
