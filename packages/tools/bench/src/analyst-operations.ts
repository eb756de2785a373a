import { chinaMonth, chinaYear } from '@shequ/kit';
import type { BenchOperation } from './operations';

/** The columns every analyst operation reads of a row. */
const ROW = 'rank code name values { indicator value samePeriodLastYear changeFromSamePeriodLastYear }';

/**
 * An analyst's day-one questions, each one operation on the indicator table:
 * ranked, filtered across departments, compared with a year earlier.
 * `prefectures` are three prefecture codes, the first the one asked about.
 */
export function analystOperations(prefectures: [string, string, string]): BenchOperation[] {
  const [prefecture] = prefectures;
  const table = (input: string, first: number) => `{ indicatorTable(input: ${input}, first: ${first}) { asOf period { label } totalCount edges { node { ${ROW} } } } }`;
  const year = chinaYear();
  const { year: monthYear, month: monthNumber } = chinaMonth();
  const month = `${monthYear}-${String(monthNumber).padStart(2, '0')}`;
  const operation = (name: string, query: string): BenchOperation => ({ name, query, variables: () => ({}) });
  return [
    operation('analyst-prefectures', table(`{ level: PREFECTURE, indicators: [MEDIATION_AGREEMENT_RATE, MEDIATION_CASES_CLOSED], sort: { indicator: MEDIATION_AGREEMENT_RATE, order: ASC }, period: { year: ${year} } }`, 14)),
    operation('analyst-counties', table(`{ level: COUNTY, within: ["${prefecture}"], indicators: [RESOLVED_WITHIN_15_DAYS_RATE, REQUESTS_RESOLVED], sort: { indicator: RESOLVED_WITHIN_15_DAYS_RATE, order: DESC } }`, 100)),
    operation('analyst-missed-targets', table(`{ level: COMMUNITY, within: ["${prefecture}"], tiers: [STANDARD], indicators: [SAFETY_TARGETS_MISSED, SAFETY_SCORE], where: [{ indicator: SAFETY_TARGETS_MISSED, gt: 0 }], period: { year: ${year} } }`, 100)),
    operation('analyst-top-hours', table(`{ level: COMMUNITY, within: ${JSON.stringify(prefectures)}, indicators: [CONFIRMED_HOURS_PER_1000_RESIDENTS, CONFIRMED_HOURS], sort: { indicator: CONFIRMED_HOURS_PER_1000_RESIDENTS, order: DESC } }`, 10)),
    operation('analyst-two-departments', table(`{ level: COMMUNITY, within: ["${prefecture}"], indicators: [INCIDENTS_PER_1000_RESIDENTS, RESOLVED_WITHIN_15_DAYS_RATE], where: [{ indicator: INCIDENTS_PER_1000_RESIDENTS, gt: 1 }, { indicator: RESOLVED_WITHIN_15_DAYS_RATE, lt: 0.9 }], sort: { indicator: INCIDENTS_PER_1000_RESIDENTS, order: DESC } }`, 100)),
    operation('analyst-compare', table(`{ level: PREFECTURE, indicators: [INCIDENTS], period: { twelveMonthsEnding: "${month}" }, compare: [SAME_PERIOD_LAST_YEAR] }`, 14)),
  ];
}
