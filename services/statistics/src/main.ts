import 'reflect-metadata';
import { runMain, serviceRequestHeaders, startSubgraph, stopOnSignals } from '@shequ/kit';
import { readEnvironment } from './environment';
import { httpFeedSource } from './refresh/feed-source';
import { scheduleRefresh } from './refresh/refresh-schedule';
import { createStatisticsSubgraph } from './subgraph';

runMain(async () => {
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
