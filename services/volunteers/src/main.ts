import 'reflect-metadata';
import { runMain, startSubgraph, stopOnSignals } from '@shequ/kit';
import { readEnvironment } from './environment';
import { volunteersSubgraph } from './subgraph';

runMain(async () => {
  const running = await startSubgraph(volunteersSubgraph, readEnvironment());
  stopOnSignals(running.stop, running.logger);
});
