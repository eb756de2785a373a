import { defineFigureFeed, lastTwelveMonths, sqlDate, type FigurePart } from '@shequ/kit';
import { ACTIVITIES_BY_START, CONFIRMED_HOURS, VOLUNTEERS_BY_LAST_SERVICE } from '../community/volunteer-summaries';

/*
 * The volunteers' statistics feed. Each figure reads the facts and filters
 * of the street-month summary behind the same volunteerStats figure (the
 * sources are unaliased, so the summaries' measures are the definitions), so
 * a community's twelve months add up to its …Last12Months figures.
 */

const tableOf = (summary: { schema: string; source: string }) => `${summary.schema}.${summary.source}`;

const flows = (): FigurePart => ({
  measures: ['confirmed_hours', 'activities_started', 'volunteers_registered'],
  sources: [
    // Sign-ups carry their activity's community and day, so hours count where and when the activity was held.
    {
      from: tableOf(CONFIRMED_HOURS),
      code: 'community_code',
      time: { column: 'served_on', type: 'date' },
      where: CONFIRMED_HOURS.filter,
      values: { confirmed_hours: `sum(${CONFIRMED_HOURS.measures.hours})` },
    },
    { from: tableOf(ACTIVITIES_BY_START), code: 'community_code', time: { column: 'starts_at', type: 'timestamptz' }, values: { activities_started: 'count(*)' } },
    { from: 'volunteers.volunteer', code: 'community_code', time: { column: 'registered_on', type: 'date' }, values: { volunteers_registered: 'count(*)' } },
  ],
});

const stocks = (): FigurePart => {
  const window = lastTwelveMonths();
  return {
    measures: ['registered_volunteers', 'active_volunteers'],
    sources: [
      {
        from: tableOf(VOLUNTEERS_BY_LAST_SERVICE),
        code: 'community_code',
        where: VOLUNTEERS_BY_LAST_SERVICE.filter,
        values: {
          registered_volunteers: 'count(*)',
          active_volunteers: `count(*) FILTER (WHERE last_served_on >= ${sqlDate(window.first)} AND last_served_on <= ${sqlDate(window.last)})`,
        },
      },
    ],
    members: [{ measure: 'organizations_serving', from: 'volunteers.organization_community oc', code: 'oc.community_code', member: 'oc.organization_id' }],
  };
};

export const VolunteersFigureFeed = defineFigureFeed({
  fieldPrefix: 'volunteers',
  department: 'volunteers',
  flows,
  stocks,
  weights: { page: 3000, months: 30000 },
});
