import 'reflect-metadata';

export { createStatisticsSubgraph, statisticsSubgraph } from './subgraph';
export { runRefresh } from './refresh/refresh';
export { httpFeedSource, type FeedSource } from './refresh/feed-source';
export { statisticsPolicy } from './access-policy';
