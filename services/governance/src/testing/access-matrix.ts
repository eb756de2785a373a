import type { DataSource } from 'typeorm';
import { chinaYear } from '@shequ/kit';
import type { MatrixCase } from '@shequ/kit/testing';
import { governancePolicy } from '../access-policy';

/**
 * Governance's mutations and its audit log as access-matrix cases, against
 * records in Lanzhou (620100) and community 620102001001 that this inserts.
 * Each lifecycle move gets a record of its own in the state it starts from,
 * so the first caller the policy allows moves it and later callers meet
 * only an illegal transition, after authorisation. Cases that name a
 * record by id carry it (`recordId`): out of a caller's reach, the record
 * must answer as an unknown id does.
 */
export async function governanceMatrixCases(dataSource: DataSource): Promise<MatrixCase[]> {
  const plan = async (status: string) =>
    (
      (await dataSource.query(
        `INSERT INTO governance.plan (region_code, kind, title, start_year, end_year, status) VALUES ('620100', 'FIVE_YEAR', 'matrix', 2026, 2030, $1) RETURNING id`,
        [status],
      )) as { id: string }[]
    )[0].id;
  const toApprove = await plan('DRAFT');
  const toEdit = await plan('DRAFT');
  const approved = await plan('APPROVED');
  const inForce = await plan('IN_FORCE');
  const toClose = await plan('IN_FORCE');
  const [{ id: target }] = await dataSource.query(
    `INSERT INTO governance.plan_target (plan_id, indicator, description, target_value, unit, due_year, tiers) VALUES ($1, 'FREE_TEXT', 'matrix', 1, 'x', 2028, '{STANDARD}') RETURNING id`,
    [inForce],
  );
  const [{ id: measure }] = await dataSource.query(
    `INSERT INTO governance.plan_measure (plan_id, description, lead_department, supporting_departments, status) VALUES ($1, 'matrix', 'governance', '{}', 'PLANNED') RETURNING id`,
    [inForce],
  );
  const [{ id: project }] = await dataSource.query(
    `INSERT INTO governance.practical_project (community_code, year, title, budget, funding_source, status) VALUES ('620102001001', 2026, 'matrix', 1, 'STATE', 'PLANNED') RETURNING id`,
  );
  const plans = { subgraph: 'governance', policy: governancePolicy, targetCode: '620100' };
  const community = { subgraph: 'governance', policy: governancePolicy, targetCode: '620102001001' };
  const year = chinaYear();
  return [
    { ...plans, operation: 'draftPlan', query: 'mutation ($i: DraftPlanInput!) { draftPlan(input: $i) { id } }', variables: { i: { regionCode: '620100', kind: 'ANNUAL', title: 'matrix', startYear: 2027, endYear: 2027 } } },
    { ...plans, operation: 'changePlanStatus', query: `mutation { approvePlan(id: "${toApprove}", approvingBody: "matrix") { id } }`, recordId: toApprove },
    { ...plans, operation: 'changePlanStatus', query: `mutation { putPlanInForce(id: "${approved}") { id } }`, recordId: approved },
    { ...plans, operation: 'changePlanStatus', query: `mutation { closePlan(id: "${toClose}") { id } }`, recordId: toClose },
    {
      ...plans,
      operation: 'editPlan',
      query: `mutation ($i: PlanTargetInput!) { addPlanTarget(planId: "${toEdit}", input: $i) { id } }`,
      recordId: toEdit,
      variables: { i: { indicator: 'FREE_TEXT', description: 'matrix', targetValue: 1, unit: 'x', dueYear: 2028, tiers: ['STANDARD'] } },
    },
    { ...plans, operation: 'editPlan', query: `mutation { addPlanMeasure(planId: "${toEdit}", input: { description: "matrix", leadDepartment: "governance" }) { id } }`, recordId: toEdit },
    { ...plans, operation: 'recordTargetProgress', query: `mutation { recordTargetProgress(targetId: "${target}", value: 1) { id } }`, recordId: target },
    { ...plans, operation: 'editPlan', query: `mutation { updateMeasureStatus(measureId: "${measure}", status: UNDERWAY) { id } }`, recordId: measure },
    { ...community, operation: 'registerPracticalProject', query: 'mutation { registerPracticalProject(input: { communityCode: "620102001001", year: 2026, title: "matrix", budget: 1, fundingSource: STATE }) { id } }' },
    { ...community, operation: 'changePracticalProjectStatus', query: `mutation { changePracticalProjectStatus(id: "${project}", status: IN_PROGRESS) { id } }`, recordId: project },
    { ...community, operation: 'designateDemonstrationUnit', query: `mutation { designateDemonstrationUnit(input: { code: "620102001001", level: MUNICIPAL, year: ${year}, practice: "matrix" }) { id } }` },
    { ...plans, operation: 'readAuditLog', query: '{ governanceAuditLog(first: 1) { totalCount edges { node { operation actorSub } } } }' },
  ];
}
