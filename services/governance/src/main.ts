import 'reflect-metadata';
import { runMain, startSubgraph, stopOnSignals } from '@shequ/kit';
import { readEnvironment } from './environment';
import { governanceSubgraph } from './subgraph';

runMain(async () => {
  const running = await startSubgraph(governanceSubgraph, readEnvironment());
  stopOnSignals(running.stop, running.logger);
});
