import { runMain, stopOnSignals } from '@shequ/kit';
import { readEnvironment } from './environment';
import { startGateway } from './gateway';

runMain(async () => {
  const running = await startGateway(readEnvironment());
  stopOnSignals(running.stop, running.logger);
});
