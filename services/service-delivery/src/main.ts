import 'reflect-metadata';
import { runMain, startSubgraph, stopOnSignals } from '@shequ/kit';
import { readEnvironment } from './environment';
import { serviceDeliverySubgraph } from './subgraph';

runMain(async () => {
  const running = await startSubgraph(serviceDeliverySubgraph, readEnvironment());
  stopOnSignals(running.stop, running.logger);
});
