import { BAD_DAYS, BAD_FLOATS, BAD_INTS, BAD_TEXT, BAD_YEARS, CODE_LOOKALIKES, corpusAnalyst as analyst, corpusStaff as staff, ID_LOOKALIKES, INJECTIONS, operationsAs, overLimit, type HostileRequest, vary } from '@shequ/kit/testing';

const CODES = [...INJECTIONS, ...CODE_LOOKALIKES];
const IDS = [...INJECTIONS.slice(0, 6), ...ID_LOOKALIKES];
/** No plan, target or measure has this id in the fixture: an otherwise valid call finds nothing. */
const MISSING = '00000000-0000-4000-8000-00000000dead';
const token = staff.governance;

const op = operationsAs(token);

/** Every argument and input field of governance's queries and mutations, spoiled one at a time. */
export function governanceInputs(): HostileRequest[] {
  const ranking = op('rankCommunitiesByAssessment', 'query ($r: String!, $y: Int!, $f: Int!) { rankCommunitiesByAssessment(regionCode: $r, year: $y, first: $f) { rank } }', { r: '620100', y: 2026, f: 10 }, analyst);
  const units = op('demonstrationUnits', 'query ($f: DemonstrationUnitFilter) { demonstrationUnits(filter: $f) { id } }', { f: { regionCode: '620100', year: 2026 } }, undefined);
  const plan = op('plan', 'query ($id: ID!) { plan(id: $id) { id } }', { id: MISSING }, undefined);
  const plans = op('plans', 'query ($r: String!, $p: Int) { plans(regionCode: $r, period: $p) { id } }', { r: '620100', p: 2026 }, undefined);
  const projects = op(
    'practicalProjects',
    'query ($f: PracticalProjectFilter, $n: Int!, $a: String) { practicalProjects(filter: $f, first: $n, after: $a) { totalCount } }',
    { f: { regionCode: '620100', year: 2026 }, n: 10, a: null },
    undefined,
  );
  const community = op('community', 'query ($c: String!) { community(code: $c) { code practicalProjects(year: 2026) { id } } }', { c: '620102001001' }, undefined);
  const communityProjects = op('Community.practicalProjects', 'query ($y: Int) { community(code: "620102001001") { practicalProjects(year: $y) { id } } }', { y: 2026 }, undefined);
  const communities = op(
    'communities',
    'query ($f: CommunityFilter, $n: Int!, $a: String) { communities(filter: $f, first: $n, after: $a) { totalCount } }',
    { f: { regionCode: '620100', nameContains: '社区' }, n: 10, a: null },
    undefined,
  );
  const regionCommunities = op(
    'Region.communities',
    'query ($f: CommunityFilter, $n: Int!, $a: String) { region(code: "620100") { communities(filter: $f, first: $n, after: $a) { totalCount } } }',
    { f: { regionCode: '620102', nameContains: '社区' }, n: 10, a: null },
    undefined,
  );
  const region = op('region', 'query ($c: String!) { region(code: $c) { code } }', { c: '620100' }, undefined);
  const regions = op('regions', 'query ($c: String) { regions(parentCode: $c) { code } }', { c: '620100' }, undefined);

  const runAssessment = op('runAssessment', 'mutation ($r: String!, $y: Int!) { runAssessment(regionCode: $r, year: $y) { year } }', { r: '620102', y: 2026 });
  const designate = op(
    'designateDemonstrationUnit',
    'mutation ($i: DesignateDemonstrationUnitInput!) { designateDemonstrationUnit(input: $i) { id } }',
    { i: { code: '620102001001', level: 'PROVINCIAL', year: 2026, practice: '睦邻议事会' } },
  );
  const draftPlan = op('draftPlan', 'mutation ($i: DraftPlanInput!) { draftPlan(input: $i) { id } }', {
    i: { regionCode: '620100', kind: 'ANNUAL', title: '年度计划', startYear: 2027, endYear: 2027, parentPlanId: null },
  });
  const approvePlan = op('approvePlan', 'mutation ($id: ID!, $b: String!) { approvePlan(id: $id, approvingBody: $b) { id } }', { id: MISSING, b: '市政府' });
  const putInForce = op('putPlanInForce', 'mutation ($id: ID!) { putPlanInForce(id: $id) { id } }', { id: MISSING });
  const closePlan = op('closePlan', 'mutation ($id: ID!) { closePlan(id: $id) { id } }', { id: MISSING });
  const addTarget = op('addPlanTarget', 'mutation ($p: ID!, $i: PlanTargetInput!) { addPlanTarget(planId: $p, input: $i) { id } }', {
    p: MISSING,
    i: { indicator: 'VOLUNTEERS_PER_100', description: '志愿者占比', baseline: 5, targetValue: 10, unit: '人/百人', dueYear: 2027, tiers: ['STANDARD'] },
  });
  const addMeasure = op('addPlanMeasure', 'mutation ($p: ID!, $i: PlanMeasureInput!) { addPlanMeasure(planId: $p, input: $i) { id } }', {
    p: MISSING,
    i: { description: '建设睦邻中心', leadDepartment: 'governance', supportingDepartments: ['volunteers'], dueDate: '2027-06-30' },
  });
  const progress = op('recordTargetProgress', 'mutation ($t: ID!, $v: Float!, $n: String) { recordTargetProgress(targetId: $t, value: $v, note: $n) { id } }', {
    t: MISSING,
    v: 7,
    n: '季度进展',
  });
  const measureStatus = op('updateMeasureStatus', 'mutation ($m: ID!) { updateMeasureStatus(measureId: $m, status: DONE) { id } }', { m: MISSING });
  const registerProject = op('registerPracticalProject', 'mutation ($i: RegisterPracticalProjectInput!) { registerPracticalProject(input: $i) { id } }', {
    i: { communityCode: '620102001001', year: 2026, title: '加装电梯', budget: 100000, fundingSource: 'STATE' },
  });
  const projectStatus = op('changePracticalProjectStatus', 'mutation ($id: ID!) { changePracticalProjectStatus(id: $id, status: COMPLETED) { id } }', { id: MISSING });

  return [
    ...vary(ranking, 'r', CODES),
    ...vary(ranking, 'y', BAD_YEARS),
    ...vary(ranking, 'f', [...BAD_INTS, 0, 101]),
    ...vary(units, 'f.regionCode', CODES),
    ...vary(units, 'f.year', BAD_YEARS),
    ...vary(plan, 'id', IDS),
    ...vary(plans, 'r', CODES),
    // A period is only a filter: a year no plan covers finds none.
    ...vary(plans, 'p', BAD_YEARS, null),
    ...vary(projects, 'f.regionCode', CODES),
    ...vary(projects, 'f.year', BAD_YEARS),
    ...vary(projects, 'n', [...BAD_INTS, 101, 100_000]),
    ...vary(projects, 'a', [...INJECTIONS, 'WzEsMl0=', 'eyJ4IjoxfQ==']),
    ...vary(community, 'c', CODES),
    ...vary(communityProjects, 'y', BAD_YEARS, null),
    ...vary(communities, 'f.regionCode', CODES),
    // Any text may be searched for: the answer is simply empty.
    ...vary(communities, 'f.nameContains', [...INJECTIONS, '%', '_', '%%%%%%%%%%'], null),
    ...vary(communities, 'a', INJECTIONS),
    // The region itself scopes this list, which ignores filter.regionCode as documented.
    ...vary(regionCommunities, 'f.regionCode', CODES, null),
    ...vary(regionCommunities, 'f.nameContains', INJECTIONS, null),
    ...vary(regionCommunities, 'n', [...BAD_INTS, 101]),
    ...vary(region, 'c', CODES),
    ...vary(regions, 'c', CODES),

    ...vary(runAssessment, 'r', CODES),
    ...vary(runAssessment, 'y', BAD_YEARS),
    ...vary(designate, 'i.code', CODES),
    ...vary(designate, 'i.year', BAD_YEARS),
    ...vary(designate, 'i.practice', [...BAD_TEXT, ...overLimit(1000)]),
    ...vary(designate, 'i.level', ['NATIONAL', "PROVINCIAL' --"]),
    ...vary(draftPlan, 'i.regionCode', CODES),
    ...vary(draftPlan, 'i.title', [...BAD_TEXT, ...overLimit(500)]),
    ...vary(draftPlan, 'i.startYear', BAD_YEARS),
    ...vary(draftPlan, 'i.endYear', [...BAD_YEARS, 2026]),
    ...vary(draftPlan, 'i.parentPlanId', IDS),
    ...vary(approvePlan, 'id', IDS),
    ...vary(approvePlan, 'b', [...BAD_TEXT, ...overLimit(200)]),
    ...vary(putInForce, 'id', IDS),
    ...vary(closePlan, 'id', IDS),
    ...vary(addTarget, 'p', IDS),
    ...vary(addTarget, 'i.description', BAD_TEXT),
    ...vary(addTarget, 'i.unit', [...BAD_TEXT, ...overLimit(50)]),
    ...vary(addTarget, 'i.baseline', [1e308, -1e308, '1']),
    ...vary(addTarget, 'i.targetValue', [1e308, -1e308, '1']),
    ...vary(addTarget, 'i.dueYear', BAD_YEARS),
    ...vary(addTarget, 'i.tiers', [[], ['SUPREME']]),
    ...vary(addMeasure, 'p', IDS),
    ...vary(addMeasure, 'i.description', BAD_TEXT),
    ...vary(addMeasure, 'i.leadDepartment', [...INJECTIONS, 'Governance', '']),
    ...vary(addMeasure, 'i.supportingDepartments', [[INJECTIONS[0]], ['volunteers', 'volunteers', "x'"]]),
    ...vary(addMeasure, 'i.dueDate', BAD_DAYS),
    ...vary(progress, 't', IDS),
    ...vary(progress, 'v', [1e308, -1e308, '7']),
    ...vary(progress, 'n', [...BAD_TEXT.slice(2), ...overLimit(1000)]),
    ...vary(measureStatus, 'm', IDS),
    ...vary(registerProject, 'i.communityCode', CODES),
    ...vary(registerProject, 'i.year', BAD_YEARS),
    ...vary(registerProject, 'i.title', [...BAD_TEXT, ...overLimit(200)]),
    ...vary(registerProject, 'i.budget', BAD_FLOATS),
    ...vary(projectStatus, 'id', IDS),
  ];
}
