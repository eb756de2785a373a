import { chinaToday, defineFigureFeed, sqlDate, type FigurePart, type MonthSummary } from '@shequ/kit';
import { INCIDENTS_BY_OCCURRENCE, LEGAL_SERVICE_REACH, MEDIATIONS_BY_CLOSING, MEDIATIONS_BY_RECEIPT } from '../community/safety-summaries';

/*
 * Public safety's statistics feed. The flows read the facts and filters of
 * the street-month summaries behind safetyStats (unaliased, so the
 * summaries' measures are the definitions); patrols count as safetyStats
 * counts them, by the day patrolled. Stocks mean what safetyStats means now.
 */

const tableOf = (summary: MonthSummary) => `${summary.schema}.${summary.source}`;
const dayOf = (summary: MonthSummary) => ({ column: (summary.time as { column: string }).column, type: 'date' as const });

const flows = (): FigurePart => ({
  measures: ['incidents', 'mediation_cases_received', 'mediation_cases_closed', 'mediation_agreements', 'patrols', 'joint_patrols', 'patrol_hours', 'legal_service_people_reached'],
  sources: [
    { from: tableOf(INCIDENTS_BY_OCCURRENCE), code: 'community_code', time: { column: 'occurred_at', type: 'timestamptz' }, values: { incidents: 'count(*)' } },
    { from: tableOf(MEDIATIONS_BY_RECEIPT), code: 'community_code', time: dayOf(MEDIATIONS_BY_RECEIPT), values: { mediation_cases_received: 'count(*)' } },
    {
      from: tableOf(MEDIATIONS_BY_CLOSING),
      code: 'community_code',
      time: dayOf(MEDIATIONS_BY_CLOSING),
      where: MEDIATIONS_BY_CLOSING.filter,
      values: { mediation_cases_closed: `sum(${MEDIATIONS_BY_CLOSING.measures.closed})`, mediation_agreements: `sum(${MEDIATIONS_BY_CLOSING.measures.agreed})` },
    },
    {
      from: 'public_safety.patrol',
      code: 'community_code',
      time: { column: 'patrolled_on', type: 'date' },
      values: { patrols: 'count(*)', joint_patrols: 'count(*) FILTER (WHERE joint_with_police)', patrol_hours: 'sum(hours)' },
    },
    { from: tableOf(LEGAL_SERVICE_REACH), code: 'community_code', time: dayOf(LEGAL_SERVICE_REACH), values: { legal_service_people_reached: `sum(${LEGAL_SERVICE_REACH.measures.reached})` } },
  ],
  samples: [
    { measure: 'days_to_close_mediation', from: tableOf(MEDIATIONS_BY_CLOSING), code: 'community_code', time: dayOf(MEDIATIONS_BY_CLOSING), where: MEDIATIONS_BY_CLOSING.filter, days: 'days_to_close::float8' },
  ],
});

const stocks = (): FigurePart => {
  const today = sqlDate(chinaToday());
  return {
    measures: ['open_hazards', 'police_liaison', 'supervised_persons'],
    sources: [
      { from: 'public_safety.inspection_hazard h', code: 'h.community_code', where: 'h.fixed_on IS NULL', values: { open_hazards: 'count(*)' } },
      { from: 'public_safety.police_liaison l', code: 'l.community_code', where: 'l.until IS NULL', values: { police_liaison: 'least(count(*), 1)' } },
      // A count only: the supervised people themselves stay behind their own restricted fields.
      {
        from: 'public_safety.supervised_person sp',
        code: 'sp.community_code',
        where: `sp.supervised_from <= ${today} AND (sp.supervised_until IS NULL OR sp.supervised_until >= ${today})`,
        values: { supervised_persons: 'count(*)' },
      },
    ],
  };
};

export const PublicSafetyFigureFeed = defineFigureFeed({
  fieldPrefix: 'publicSafety',
  department: 'public safety',
  flows,
  stocks,
  weights: { page: 1000, months: 10000 },
});
