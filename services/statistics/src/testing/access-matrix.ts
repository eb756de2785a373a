import type { MatrixCase } from '@shequ/kit/dist/testing';
import { statisticsPolicy } from '../access-policy';

/** The statistics subgraph's rules as authorisation-matrix cases (the graph walks every role through them). */
export function statisticsMatrixCases(): MatrixCase[] {
  return [
    {
      subgraph: 'statistics',
      policy: statisticsPolicy,
      operation: 'refreshStatistics',
      targetCode: '620000',
      query: 'mutation { refreshStatistics { startedAt full } }',
    },
  ];
}
