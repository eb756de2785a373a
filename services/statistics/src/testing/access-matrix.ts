import type { MatrixCase } from '@shequ/kit/testing';
import { chinaYear } from '@shequ/kit';
import { statisticsPolicy } from '../access-policy';

/**
 * The statistics subgraph's rules as authorisation-matrix cases (the graph
 * walks every role through them). An assessment run needs a refreshed store:
 * the graph refreshes it before walking.
 */
export function statisticsMatrixCases(): MatrixCase[] {
  const base = { subgraph: 'statistics', policy: statisticsPolicy };
  return [
    { ...base, operation: 'refreshStatistics', targetCode: '620000', query: 'mutation { refreshStatistics { startedAt full } }' },
    { ...base, operation: 'runAssessment', targetCode: '620102', query: `mutation { runAssessment(regionCode: "620102", year: ${chinaYear()}) { communitiesAssessed } }` },
    { ...base, operation: 'readAuditLog', targetCode: '620000', query: '{ statisticsAuditLog(first: 1) { totalCount edges { node { operation actorSub } } } }' },
  ];
}
