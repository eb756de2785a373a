import 'reflect-metadata';
import { runMain, signToken, startSubgraph, stopOnSignals } from '@shequ/kit';
import { readEnvironment } from './environment';
import { httpFeedSource } from './refresh/feed-source';
import { scheduleRefresh } from './refresh/refresh-schedule';
import { createStatisticsSubgraph } from './subgraph';

runMain(async () => {
  const settings = readEnvironment();
  const secret = settings.tokens.secret;
  // A short-lived province-wide analyst token: what each department's feed asks of a reader.
  const serviceToken = () => {
    if (!secret) {
      throw new Error('the statistics refresh signs its service token with JWT_SECRET, which is not set');
    }
    return signToken({ sub: 'service:statistics', roles: ['analyst'], jurisdiction: '620000', expiresIn: '10m' }, secret);
  };
  const feeds = (requestId: string) => httpFeedSource(settings.departmentUrls, serviceToken, requestId);
  const running = await startSubgraph(createStatisticsSubgraph(feeds), settings);
  const stopSchedule = scheduleRefresh(running.dataSource, feeds, settings.refreshIntervalSeconds, running.logger);
  stopOnSignals(async () => {
    stopSchedule();
    await running.stop();
  }, running.logger);
});
