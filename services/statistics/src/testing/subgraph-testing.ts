import { serviceRequestHeaders } from '@shequ/kit';
import { TEST_SIGNING_KEY, type SubgraphTesting } from '@shequ/kit/testing';
import { statisticsPolicy } from '../access-policy';
import type { FeedDepartment } from '../catalogue/measures';
import { FEED_SUBGRAPHS } from '../environment';
import { httpFeedSource } from '../refresh/feed-source';
import { createStatisticsSubgraph } from '../subgraph';
import { statisticsMatrixCases } from './access-matrix';

/** Statistics in the platform's tests: reading the departments' feeds on the URLs they were started on, signed as in production. */
export const subgraphTesting: SubgraphTesting = {
  readsOtherSubgraphs: true,
  subgraph: (urls) => {
    const feedUrls = Object.fromEntries(Object.entries(FEED_SUBGRAPHS).map(([feed, subgraph]) => [feed, urls[subgraph]])) as Record<FeedDepartment, string>;
    return createStatisticsSubgraph((requestId) => httpFeedSource(feedUrls, (request) => serviceRequestHeaders(TEST_SIGNING_KEY, 'statistics', request), requestId));
  },
  policy: statisticsPolicy,
  matrixCases: statisticsMatrixCases,
};
