import 'reflect-metadata';
import { join } from 'node:path';
import { runMain, writeSchemaFile } from '@shequ/kit';
import { serviceDeliverySubgraph } from './subgraph';

/** Emits schema.graphql, the SDL that is committed and composed. */
runMain(() => writeSchemaFile(serviceDeliverySubgraph, join(__dirname, '..', 'schema.graphql')));
