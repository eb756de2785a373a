import type { DataSource } from 'typeorm';
import type { MatrixCase } from '@shequ/kit/dist/testing';
import { governancePolicy } from '../access-policy';

/**
 * Governance's mutations as access-matrix cases, against records in
 * Lanzhou (620100) and community 620102001001 that `prepare` inserts.
 */
export async function governanceMatrixCases(dataSource: DataSource): Promise<MatrixCase[]> {
  const plan = async (status: string) =>
    (
      (await dataSource.query(
        `INSERT INTO governance.plan (region_code, kind, title, start_year, end_year, status) VALUES ('620100', 'FIVE_YEAR', 'matrix', 2026, 2030, $1) RETURNING id`,
        [status],
      )) as { id: string }[]
    )[0].id;
  const draft = await plan('DRAFT');
  const approved = await plan('APPROVED');
  const inForce = await plan('IN_FORCE');
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
  const base = { subgraph: 'governance', policy: governancePolicy };
  return [
    { ...base, operation: 'draftPlan', targetCode: '620100', query: 'mutation ($i: DraftPlanInput!) { draftPlan(input: $i) { id } }', variables: { i: { regionCode: '620100', kind: 'ANNUAL', title: 'matrix', startYear: 2027, endYear: 2027 } } },
    { ...base, operation: 'changePlanStatus', targetCode: '620100', query: `mutation { approvePlan(id: "${draft}", approvingBody: "matrix") { id } }` },
    { ...base, operation: 'changePlanStatus', targetCode: '620100', query: `mutation { putPlanInForce(id: "${approved}") { id } }` },
    { ...base, operation: 'editPlan', targetCode: '620100', query: `mutation { addPlanMeasure(planId: "${draft}", input: { description: "matrix", leadDepartment: "governance" }) { id } }` },
    { ...base, operation: 'recordTargetProgress', targetCode: '620100', query: `mutation { recordTargetProgress(targetId: "${target}", value: 1) { id } }` },
    { ...base, operation: 'editPlan', targetCode: '620100', query: `mutation { updateMeasureStatus(measureId: "${measure}", status: UNDERWAY) { id } }` },
    { ...base, operation: 'registerPracticalProject', targetCode: '620102001001', query: 'mutation { registerPracticalProject(input: { communityCode: "620102001001", year: 2026, title: "matrix", budget: 1, fundingSource: STATE }) { id } }' },
    { ...base, operation: 'changePracticalProjectStatus', targetCode: '620102001001', query: `mutation { changePracticalProjectStatus(id: "${project}", status: IN_PROGRESS) { id } }` },
    { ...base, operation: 'designateDemonstrationUnit', targetCode: '620102001001', query: 'mutation { designateDemonstrationUnit(input: { code: "620102001001", level: MUNICIPAL, year: 2026, practice: "matrix" }) { id } }' },
  ];
}
