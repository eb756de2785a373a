import { valueSql, type ColumnReader } from './formula-sql';
import type { IndicatorSpec } from './indicator-spec';

/**
 * Governance's assessment, computed by the store for every period row (any
 * period, any level, any set of tiers) with the formula of governance's
 * scoring: per assessed indicator the attainment (AT_LEAST: min(1, actual ÷
 * target), a target ≤ 0 always met; AT_MOST: 1 when actual ≤ target, else
 * target ÷ actual); a component is 100 × the mean attainment of its
 * indicators with a figure, rounded to one decimal, missing without any; the
 * score is the mean of present components, rounded to one decimal. A row's
 * target is its communities' tier targets weighted by how many communities of
 * each tier it holds (rounded to 0.001, as governance does). The method (tier
 * templates) is governance's, collected; a question computes the assessment
 * of the rows it reads (`assessmentStagesSql`), whose columns the family reads.
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

/** The column of each assessment indicator in an assessed period row: its id in lower case. */
export const ASSESSMENT_COLUMNS = ['ASSESSMENT_SCORE', ...ASSESSMENT_COMPONENTS.map((c) => `${c}_SCORE`), 'TARGETS_MISSED', ...ASSESSMENT_COMPONENTS.map((c) => `${c}_TARGETS_MISSED`)].map((id) =>
  id.toLowerCase(),
);

/** The assessment family: each reads its column of the period row. */
export function assessmentIndicators(): IndicatorSpec[] {
  const base = { department: 'STATISTICS' as const, measurement: 'FLOW' as const };
  const reads = (id: string) => ({ column }: { column: ColumnReader }) => valueSql(column(id.toLowerCase()));
  const score: IndicatorSpec = {
    ...base,
    id: 'ASSESSMENT_SCORE', labelZh: '和谐社区测评得分', labelEn: 'Assessment score', unit: 'points of 100', unitZh: '分（满分100分）', direction: 'HIGHER_IS_BETTER',
    definition: "Governance's harmonious-community assessment over the period's figures: the mean of the present component scores, one decimal.",
    definitionZh: '按民政和谐社区测评办法、以期内指标计算的总分：各有数据分项得分的平均值，保留一位小数。',
    sql: reads('ASSESSMENT_SCORE'),
  };
  const components: IndicatorSpec[] = ASSESSMENT_COMPONENTS.map((component) => ({
    ...base,
    id: `${component}_SCORE`, labelZh: `${COMPONENT_LABELS[component][0]}得分`, labelEn: `${COMPONENT_LABELS[component][1]} score`, unit: 'points of 100', unitZh: '分（满分100分）', direction: 'HIGHER_IS_BETTER' as const,
    definition: `100 × the mean attainment of the ${COMPONENT_LABELS[component][1].toLowerCase()} indicators with a figure, one decimal; null when none has one.`,
    definitionZh: `${COMPONENT_LABELS[component][0]}各有数据指标达成度平均值 × 100，保留一位小数；均无数据时为空。`,
    sql: reads(`${component}_SCORE`),
  }));
  const missed: IndicatorSpec = {
    ...base,
    id: 'TARGETS_MISSED', labelZh: '未达标指标数', labelEn: 'Targets missed', unit: 'targets', unitZh: '项', direction: 'LOWER_IS_BETTER',
    definition: 'Assessed indicators with a figure that do not reach their target.', definitionZh: '有数据但未达到目标值的测评指标数。',
    sql: reads('TARGETS_MISSED'),
  };
  const missedByComponent: IndicatorSpec[] = ASSESSMENT_COMPONENTS.map((component) => ({
    ...base,
    id: `${component}_TARGETS_MISSED`, labelZh: `${COMPONENT_LABELS[component][0]}未达标指标数`, labelEn: `${COMPONENT_LABELS[component][1]} targets missed`, unit: 'targets', unitZh: '项', direction: 'LOWER_IS_BETTER' as const,
    definition: `${COMPONENT_LABELS[component][1]} indicators with a figure that do not reach their target.`,
    definitionZh: `${COMPONENT_LABELS[component][0]}中有数据但未达标的指标数。`,
    sql: reads(`${component}_TARGETS_MISSED`),
  }));
  return [score, ...components, missed, ...missedByComponent];
}

function meanOfPresent(parts: string[]): string {
  const sum = parts.map((part) => `coalesce(${part}, 0)`).join(' + ');
  const present = parts.map((part) => `(${part} IS NOT NULL)::int`).join(' + ');
  return `((${sum}) / nullif(${present}, 0))`;
}

const round1 = (expression: string) => `round((${expression})::numeric, 1)::float8`;
const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The assessment of every row of `input` (a relation of period rows) as CTE
 * definitions ending in `output`: the input's columns plus the assessment
 * columns. In stages, so each figure and attainment is computed once per
 * row: the method held (one row: per assessed indicator its component,
 * comparison and tier targets), figures and targets, attainments, then
 * components and misses. An assessed indicator the method does not hold has
 * no component and counts nowhere. `figure` gives a catalogue indicator's SQL
 * over the row's columns.
 */
export function assessmentStagesSql(input: string, output: string, figure: (id: string, column: ColumnReader) => string): string[] {
  const assessed = Object.entries(ASSESSED_FIGURES);
  const method = assessed.flatMap(([indicator], index) => {
    const of = `indicator = ${quoted(indicator)}`;
    return [
      `max(component) FILTER (WHERE ${of}) AS component${index}`,
      `bool_or(comparison = 'AT_LEAST') FILTER (WHERE ${of}) AS at_least${index}`,
      ...['ADVANCED', 'STANDARD', 'FOUNDATIONAL'].map((tier) => `max(target) FILTER (WHERE ${of} AND tier = '${tier}') AS ${tier.toLowerCase()}${index}`),
    ];
  });
  const column: ColumnReader = (name) => `r.${name}`;
  const figures = assessed.flatMap(([, id], index) => {
    const weighted = `(r.advanced * m.advanced${index} + r.standard * m.standard${index} + r.foundational * m.foundational${index})`;
    return [
      `m.component${index}`,
      `m.at_least${index}`,
      `${figure(id, column)} AS actual${index}`,
      `round((${weighted} / nullif(r.community_count, 0))::numeric, 3)::float8 AS target${index}`,
    ];
  });
  const attainments = assessed.map((_, index) => {
    const [actual, target] = [`actual${index}`, `target${index}`];
    const reached = `CASE WHEN at_least${index} THEN (CASE WHEN ${target} <= 0 THEN 1::float8 ELSE least(1::float8, ${actual} / ${target}) END)
      ELSE (CASE WHEN ${actual} <= ${target} THEN 1::float8 ELSE ${target} / ${actual} END) END`;
    return `CASE WHEN component${index} IS NULL OR ${actual} IS NULL OR ${target} IS NULL THEN NULL ELSE ${reached} END AS reached${index}`;
  });
  const partsOf = (component: string | null) =>
    assessed.map((_, index) => `(CASE WHEN component${index} ${component === null ? 'IS NOT NULL' : `= ${quoted(component)}`} THEN reached${index} END)`);
  const missedOf = (component: string | null) =>
    `CASE WHEN community_count > 0 THEN (${partsOf(component).map((part) => `coalesce((${part} < 1)::int, 0)`).join(' + ')})::float8 END`;
  const components = ASSESSMENT_COMPONENTS.map((component) => `${round1(`100 * ${meanOfPresent(partsOf(component))}`)} AS ${component.toLowerCase()}_score`);
  const misses = [`${missedOf(null)} AS targets_missed`, ...ASSESSMENT_COMPONENTS.map((component) => `${missedOf(component)} AS ${component.toLowerCase()}_targets_missed`)];
  const score = round1(meanOfPresent(ASSESSMENT_COMPONENTS.map((component) => `${component.toLowerCase()}_score`)));
  return [
    `assessment_method AS (SELECT ${method.join(', ')} FROM statistics.assessment_template)`,
    // Materialized: inlined, every mention of an attainment would compute it (and its figure) again.
    `assessment_figures AS MATERIALIZED (SELECT r.*, ${figures.join(', ')} FROM ${input} r CROSS JOIN assessment_method m)`,
    `assessment_attained AS MATERIALIZED (SELECT assessment_figures.*, ${attainments.join(', ')} FROM assessment_figures)`,
    `assessment_components AS MATERIALIZED (SELECT assessment_attained.*, ${[...components, ...misses].join(', ')} FROM assessment_attained)`,
    `${output} AS (SELECT assessment_components.*, ${score} AS assessment_score FROM assessment_components)`,
  ];
}
