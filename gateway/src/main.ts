// First: OpenTelemetry (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch node:http and fetch before anything loads them.
import '@shequ/kit/tracing';
import cluster from 'node:cluster';
import { runMain, serveClusterMetrics, stopOnSignals, createLogger } from '@shequ/kit';
import { readEnvironment } from './environment';
import { startGateway } from './gateway';

/**
 * One gateway server, or with WORKERS > 1 a primary forking that many
 * workers on the same port, so the gateway uses every core.
 */
runMain(async () => {
  const settings = readEnvironment();
  if ((settings.workers ?? 1) > 1 && cluster.isPrimary) {
    // A scrape reaches one worker; the primary adds up every worker's figures for it.
    serveClusterMetrics();
    for (let worker = 0; worker < (settings.workers ?? 1); worker += 1) {
      cluster.fork();
    }
    stopOnSignals(async () => {
      await Promise.all(
        Object.values(cluster.workers ?? {}).map((worker) => new Promise<void>((resolve) => (worker ? (worker.once('exit', () => resolve()), worker.kill('SIGTERM')) : resolve()))),
      );
    }, createLogger('gateway', settings.logLevel));
    return;
  }
  const running = await startGateway(settings);
  stopOnSignals(running.stop, running.logger);
});
