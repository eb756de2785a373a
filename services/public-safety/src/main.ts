import 'reflect-metadata';
import { runMain, startSubgraph, stopOnSignals } from '@shequ/kit';
import { readEnvironment } from './environment';
import { publicSafetySubgraph } from './subgraph';

runMain(async () => {
  const running = await startSubgraph(publicSafetySubgraph, readEnvironment());
  stopOnSignals(running.stop, running.logger);
});
