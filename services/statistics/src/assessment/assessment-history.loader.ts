import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { scopeParameters, SCOPES, withinScope } from '@shequ/kit';
import type { AssessmentYear } from './assessment-snapshot.types';

/** Every snapshot year of each region's communities: one statement for all the regions of a request. */
export function assessmentHistoryLoader(dataSource: DataSource): DataLoader<string, AssessmentYear[]> {
  return new DataLoader(async (codes) => {
    const rows: { code: string; year: number; communities: number; average: number | null }[] = await dataSource.query(
      `SELECT scope.code, s.year, count(*)::int AS communities, round(avg(s.score)::numeric, 1)::float8 AS average
       FROM ${SCOPES}
       JOIN statistics.assessment_snapshot s ON ${withinScope('s.community_code')}
       GROUP BY scope.code, s.year ORDER BY s.year`,
      scopeParameters(codes),
    );
    return codes.map((code) => rows.filter((row) => row.code === code).map((row) => ({ year: row.year, communitiesAssessed: row.communities, averageScore: row.average })));
  });
}
