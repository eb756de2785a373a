import { chinaYear, defineFigureFeed, type FigurePart } from '@shequ/kit';

/*
 * Governance's statistics feed: stocks only (governance records no monthly
 * flows, so governanceFigureMonths is always empty). The capacity and
 * practical-project figures mean what the assessment's governance figures
 * mean (assessment.loader), per community.
 */

const CAPACITY_MEASURES = ['office_space_m2', 'staff', 'professional_social_workers', 'council_meetings_per_year'];

const stocks = (): FigurePart => {
  const year = chinaYear();
  const counted = `p.status <> 'CANCELLED' AND p.year BETWEEN ${year - 1} AND ${year}`;
  return {
    measures: [
      'population',
      'households',
      ...CAPACITY_MEASURES,
      'practical_projects',
      'practical_projects_completed',
      'practical_project_budget_this_year',
    ],
    sources: [
      { from: 'governance.community c', code: 'c.code', values: { population: 'sum(c.population)', households: 'sum(c.households)' } },
      {
        from: 'governance.community_capacity cap',
        code: 'cap.community_code',
        values: {
          office_space_m2: 'sum(cap.office_space_m2 + cap.activity_space_m2)',
          staff: 'sum(cap.staff)',
          professional_social_workers: 'sum(cap.professional_social_workers)',
          council_meetings_per_year: 'sum(cap.council_meetings_per_year)',
        },
      },
      {
        from: 'governance.practical_project p',
        code: 'p.community_code',
        where: counted,
        values: {
          practical_projects: 'count(*)',
          practical_projects_completed: `count(*) FILTER (WHERE p.status = 'COMPLETED')`,
          practical_project_budget_this_year: `coalesce(sum(p.budget) FILTER (WHERE p.year = ${year}), 0)`,
        },
      },
    ],
    // A community whose capacity nobody has recorded has no figure, not a zero.
    nullWhenAbsent: CAPACITY_MEASURES,
  };
};

export const GovernanceFigureFeed = defineFigureFeed({
  fieldPrefix: 'governance',
  department: 'governance',
  stocks,
  weights: { page: 500, months: 1 },
});
