import type { AssessmentTemplate, FormulaContext, IndicatorSpec } from './indicator-spec';

/**
 * Governance's assessment, computed by the store for any period and level
 * with the formula of governance's scoring: per assessed indicator the
 * attainment (AT_LEAST: min(1, actual ÷ target), a target ≤ 0 always met;
 * AT_MOST: 1 when actual ≤ target, else target ÷ actual); a component is
 * 100 × the mean attainment of its indicators with a figure, rounded to one
 * decimal, missing without any; the score is the mean of present components,
 * rounded to one decimal. A row's target is its communities' tier targets
 * weighted by how many communities of each tier it holds (rounded to 0.001,
 * as governance does). The method (templates) is governance's, collected.
 */

/** Governance's assessed indicator → the catalogue indicator that gives its figure. */
export const ASSESSED_FIGURES: Record<string, string> = {
  WELFARE_FACILITIES_PER_1000: 'WELFARE_FACILITIES_PER_1000_RESIDENTS',
  REQUESTS_RESOLVED_WITHIN_15_DAYS: 'RESOLVED_WITHIN_15_DAYS_RATE',
  VOLUNTEERS_PER_100: 'REGISTERED_VOLUNTEERS_PER_100_RESIDENTS',
  ACTIVE_VOLUNTEER_SHARE: 'ACTIVE_VOLUNTEER_SHARE',
  INCIDENTS_PER_1000: 'INCIDENTS_PER_1000_RESIDENTS',
  MEDIATION_AGREEMENT_RATE: 'MEDIATION_AGREEMENT_RATE',
  POLICE_LIAISON_COVERAGE: 'POLICE_LIAISON_COVERAGE',
  PRACTICAL_PROJECTS_COMPLETED: 'PRACTICAL_PROJECT_COMPLETION_RATE',
  OFFICE_SPACE_M2: 'OFFICE_SPACE_M2',
  PROFESSIONAL_SOCIAL_WORKERS: 'PROFESSIONAL_SOCIAL_WORKERS',
  COUNCIL_MEETINGS_PER_YEAR: 'COUNCIL_MEETINGS_PER_YEAR',
};

export const ASSESSMENT_COMPONENTS = ['SERVICE_COVERAGE', 'VOLUNTEER_PARTICIPATION', 'SAFETY', 'PLAN_DELIVERY', 'CAPACITY'] as const;

const COMPONENT_LABELS: Record<(typeof ASSESSMENT_COMPONENTS)[number], [string, string]> = {
  SERVICE_COVERAGE: ['服务覆盖', 'Service coverage'],
  VOLUNTEER_PARTICIPATION: ['志愿参与', 'Volunteer participation'],
  SAFETY: ['平安建设', 'Safety'],
  PLAN_DELIVERY: ['规划落实', 'Plan delivery'],
  CAPACITY: ['基础能力', 'Capacity'],
};

type FigureSql = (id: string) => string;

function literal(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? 'NULL::float8' : `${value}::float8`;
}

function targetSql(template: AssessmentTemplate, column: FormulaContext['column']): string {
  const { ADVANCED, STANDARD, FOUNDATIONAL } = template.targets;
  const weighted = `(${column('advanced')} * ${literal(ADVANCED)} + ${column('standard')} * ${literal(STANDARD)} + ${column('foundational')} * ${literal(FOUNDATIONAL)})`;
  return `round((${weighted} / nullif(${column('community_count')}, 0))::numeric, 3)::float8`;
}

function attainmentSql(template: AssessmentTemplate, context: FormulaContext, figure: FigureSql): string | null {
  const id = ASSESSED_FIGURES[template.indicator];
  if (!id) {
    return null;
  }
  const actual = figure(id);
  const target = targetSql(template, context.column);
  const reached =
    template.comparison === 'AT_LEAST'
      ? `CASE WHEN ${target} <= 0 THEN 1::float8 ELSE least(1::float8, ${actual} / ${target}) END`
      : `CASE WHEN ${actual} <= ${target} THEN 1::float8 ELSE ${target} / ${actual} END`;
  return `(CASE WHEN ${actual} IS NULL OR ${target} IS NULL THEN NULL ELSE ${reached} END)`;
}

function meanOfPresent(parts: string[]): string {
  if (parts.length === 0) {
    return 'NULL::float8';
  }
  const sum = parts.map((part) => `coalesce(${part}, 0)`).join(' + ');
  const present = parts.map((part) => `(${part} IS NOT NULL)::int`).join(' + ');
  return `((${sum}) / nullif(${present}, 0))`;
}

function componentSql(component: string, context: FormulaContext, figure: FigureSql): string {
  const parts = context.templates
    .filter((template) => template.component === component)
    .map((template) => attainmentSql(template, context, figure))
    .filter((part): part is string => part !== null);
  return `round((100 * ${meanOfPresent(parts)})::numeric, 1)::float8`;
}

function missedSql(component: string | null, context: FormulaContext, figure: FigureSql): string {
  const parts = context.templates
    .filter((template) => component === null || template.component === component)
    .map((template) => attainmentSql(template, context, figure))
    .filter((part): part is string => part !== null);
  const missed = parts.length ? parts.map((part) => `coalesce((${part} < 1)::int, 0)`).join(' + ') : '0';
  return `(CASE WHEN ${context.column('community_count')} > 0 THEN (${missed})::float8 END)`;
}

/** The assessment family; `figure` gives another indicator's SQL (the catalogue's). */
export function assessmentIndicators(figure: (id: string, context: FormulaContext) => string): IndicatorSpec[] {
  const base = { department: 'STATISTICS' as const, measurement: 'FLOW' as const };
  const score: IndicatorSpec = {
    ...base,
    id: 'ASSESSMENT_SCORE', labelZh: '和谐社区测评得分', labelEn: 'Assessment score', unit: 'points of 100', unitZh: '分（满分100分）', direction: 'HIGHER_IS_BETTER',
    definition: "Governance's harmonious-community assessment over the period's figures: the mean of the present component scores, one decimal.",
    definitionZh: '按民政和谐社区测评办法、以期内指标计算的总分：各有数据分项得分的平均值，保留一位小数。',
    sql: (context) => {
      const components = ASSESSMENT_COMPONENTS.map((component) => componentSql(component, context, (id) => figure(id, context)));
      return `round(${meanOfPresent(components)}::numeric, 1)::float8`;
    },
  };
  const components: IndicatorSpec[] = ASSESSMENT_COMPONENTS.map((component) => ({
    ...base,
    id: `${component}_SCORE`, labelZh: `${COMPONENT_LABELS[component][0]}得分`, labelEn: `${COMPONENT_LABELS[component][1]} score`, unit: 'points of 100', unitZh: '分（满分100分）', direction: 'HIGHER_IS_BETTER' as const,
    definition: `100 × the mean attainment of the ${COMPONENT_LABELS[component][1].toLowerCase()} indicators with a figure, one decimal; null when none has one.`,
    definitionZh: `${COMPONENT_LABELS[component][0]}各有数据指标达成度平均值 × 100，保留一位小数；均无数据时为空。`,
    sql: (context: FormulaContext) => componentSql(component, context, (id) => figure(id, context)),
  }));
  const missed: IndicatorSpec = {
    ...base,
    id: 'TARGETS_MISSED', labelZh: '未达标指标数', labelEn: 'Targets missed', unit: 'targets', unitZh: '项', direction: 'LOWER_IS_BETTER',
    definition: 'Assessed indicators with a figure that do not reach their target.', definitionZh: '有数据但未达到目标值的测评指标数。',
    sql: (context) => missedSql(null, context, (id) => figure(id, context)),
  };
  const missedByComponent: IndicatorSpec[] = ASSESSMENT_COMPONENTS.map((component) => ({
    ...base,
    id: `${component}_TARGETS_MISSED`, labelZh: `${COMPONENT_LABELS[component][0]}未达标指标数`, labelEn: `${COMPONENT_LABELS[component][1]} targets missed`, unit: 'targets', unitZh: '项', direction: 'LOWER_IS_BETTER' as const,
    definition: `${COMPONENT_LABELS[component][1]} indicators with a figure that do not reach their target.`,
    definitionZh: `${COMPONENT_LABELS[component][0]}中有数据但未达标的指标数。`,
    sql: (context: FormulaContext) => missedSql(component, context, (id) => figure(id, context)),
  }));
  return [score, ...components, missed, ...missedByComponent];
}
