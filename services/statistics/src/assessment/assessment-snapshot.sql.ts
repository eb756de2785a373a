import { significantPrefix } from '@shequ/kit';
import { ASSESSED_FIGURES, ASSESSMENT_COMPONENTS } from '../catalogue/assessment-indicators';
import { spanOf, yearPeriod } from '../periods/period';
import { periodRowsCtes, periodsCte } from '../store/period-rows';
import { SqlParameters } from '../store/sql-parameters';

/**
 * One statement that writes a year's snapshot of a region's communities:
 * each community's assessment over the year's figures, as the store
 * computes it for `ASSESSMENT_SCORE` (governance's method and formula). A
 * component is stored with its score (null: no figure); a target is missed
 * when its attainment is below one, as the store counts `TARGETS_MISSED`.
 */
export function insertSnapshotSql(regionCode: string, year: number): { sql: string; parameters: unknown[] } {
  const parameters = new SqlParameters();
  const scope = { communities: true, level: null, prefixes: [significantPrefix(regionCode)], codes: null, tierSet: 7, communityTiers: null };
  const ctes = [periodsCte(parameters, [spanOf(yearPeriod(year))]), ...periodRowsCtes(parameters, scope, { medians: false, assessment: true })];
  const components = ASSESSMENT_COMPONENTS.map((component) => `jsonb_build_object('name', '${component}', 'score', ${component.toLowerCase()}_score)`);
  // `reached<i>` is the attainment of the i-th assessed indicator, in ASSESSED_FIGURES' order.
  const missed = Object.keys(ASSESSED_FIGURES).map((indicator, index) => `CASE WHEN reached${index} < 1 THEN '${indicator}' END`);
  const sql = `WITH ${ctes.join(',\n')}
    INSERT INTO statistics.assessment_snapshot (year, community_code, score, components, targets_missed)
    SELECT ${parameters.add(year, 'smallint')}, code, assessment_score, jsonb_build_array(${components.join(', ')}), array_remove(ARRAY[${missed.join(', ')}]::text[], NULL)
    FROM period_rows
    RETURNING score`;
  return { sql, parameters: parameters.values };
}
