// First: OpenTelemetry (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch node:http and pg before anything loads them.
import '@shequ/kit/tracing';
import 'reflect-metadata';
import { runMainOrMigrate, serviceRequestHeaders, startSubgraph, stopOnSignals } from '@shequ/kit';
import { readEnvironment } from './environment';
import { httpFeedSource } from './refresh/feed-source';
import { scheduleRefresh } from './refresh/refresh-schedule';
import { createStatisticsSubgraph, statisticsSubgraph } from './subgraph';

// `main.js migrate up|down|status` migrates the store's schema (no feeds, no secrets: the database URL alone); `main.js` serves.
runMainOrMigrate(statisticsSubgraph, async () => {
  const settings = readEnvironment();
  // Signed with the key the gateway signs with: the departments know the statistics service by it, with no token to mint.
  const feeds = (requestId: string) => httpFeedSource(settings.departmentUrls, (request) => serviceRequestHeaders(settings.signingKey, 'statistics', request), requestId);
  const running = await startSubgraph(createStatisticsSubgraph(feeds), settings);
  const stopSchedule = scheduleRefresh(running.dataSource, feeds, settings.refreshIntervalSeconds, running.logger);
  stopOnSignals(async () => {
    stopSchedule();
    await running.stop();
  }, running.logger);
});
