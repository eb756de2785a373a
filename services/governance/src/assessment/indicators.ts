import { registerEnumType } from 'type-graphql';
import { Tier } from '../community/community.entity';

/** The five parts of the harmonious-community assessment, each scored 0–100. */
export enum AssessmentComponentName {
  SERVICE_COVERAGE = 'SERVICE_COVERAGE',
  VOLUNTEER_PARTICIPATION = 'VOLUNTEER_PARTICIPATION',
  SAFETY = 'SAFETY',
  PLAN_DELIVERY = 'PLAN_DELIVERY',
  CAPACITY = 'CAPACITY',
}
registerEnumType(AssessmentComponentName, { name: 'AssessmentComponentName' });

/**
 * Indicators that map to figures in the graph. Each belongs to one component;
 * `FREE_TEXT` is a target measured by hand, never assessed automatically.
 */
export enum Indicator {
  WELFARE_FACILITIES_PER_1000 = 'WELFARE_FACILITIES_PER_1000',
  REQUESTS_RESOLVED_WITHIN_15_DAYS = 'REQUESTS_RESOLVED_WITHIN_15_DAYS',
  VOLUNTEERS_PER_100 = 'VOLUNTEERS_PER_100',
  ACTIVE_VOLUNTEER_SHARE = 'ACTIVE_VOLUNTEER_SHARE',
  INCIDENTS_PER_1000 = 'INCIDENTS_PER_1000',
  MEDIATION_AGREEMENT_RATE = 'MEDIATION_AGREEMENT_RATE',
  POLICE_LIAISON_COVERAGE = 'POLICE_LIAISON_COVERAGE',
  PRACTICAL_PROJECTS_COMPLETED = 'PRACTICAL_PROJECTS_COMPLETED',
  OFFICE_SPACE_M2 = 'OFFICE_SPACE_M2',
  PROFESSIONAL_SOCIAL_WORKERS = 'PROFESSIONAL_SOCIAL_WORKERS',
  COUNCIL_MEETINGS_PER_YEAR = 'COUNCIL_MEETINGS_PER_YEAR',
  FREE_TEXT = 'FREE_TEXT',
}
registerEnumType(Indicator, {
  name: 'Indicator',
  description: 'What a target measures. All but FREE_TEXT are read from figures in the graph.',
});

export enum Comparison {
  AT_LEAST = 'AT_LEAST',
  AT_MOST = 'AT_MOST',
}
registerEnumType(Comparison, { name: 'Comparison', description: 'Whether a target is met at or above (AT_LEAST) or at or below (AT_MOST) its value.' });

export interface IndicatorDefinition {
  component: AssessmentComponentName;
  comparison: Comparison;
  unit: string;
  /** What a community of each tier is asked to reach: the tier templates. */
  targets: Record<Tier, number>;
}

/**
 * The tier templates. Targets "can be reached with effort": an ADVANCED
 * community is asked for more than a FOUNDATIONAL one, never the same for all.
 */
export const INDICATORS: Record<Exclude<Indicator, Indicator.FREE_TEXT>, IndicatorDefinition> = {
  [Indicator.WELFARE_FACILITIES_PER_1000]: { component: AssessmentComponentName.SERVICE_COVERAGE, comparison: Comparison.AT_LEAST, unit: 'facilities per 1,000 residents', targets: { ADVANCED: 1.0, STANDARD: 0.6, FOUNDATIONAL: 0.3 } },
  [Indicator.REQUESTS_RESOLVED_WITHIN_15_DAYS]: { component: AssessmentComponentName.SERVICE_COVERAGE, comparison: Comparison.AT_LEAST, unit: 'share', targets: { ADVANCED: 0.9, STANDARD: 0.8, FOUNDATIONAL: 0.7 } },
  [Indicator.VOLUNTEERS_PER_100]: { component: AssessmentComponentName.VOLUNTEER_PARTICIPATION, comparison: Comparison.AT_LEAST, unit: 'registered volunteers per 100 residents', targets: { ADVANCED: 10, STANDARD: 6, FOUNDATIONAL: 3 } },
  [Indicator.ACTIVE_VOLUNTEER_SHARE]: { component: AssessmentComponentName.VOLUNTEER_PARTICIPATION, comparison: Comparison.AT_LEAST, unit: 'share of registered volunteers active in the last 12 months', targets: { ADVANCED: 0.6, STANDARD: 0.5, FOUNDATIONAL: 0.4 } },
  [Indicator.INCIDENTS_PER_1000]: { component: AssessmentComponentName.SAFETY, comparison: Comparison.AT_MOST, unit: 'incidents per 1,000 residents in 12 months', targets: { ADVANCED: 2, STANDARD: 4, FOUNDATIONAL: 6 } },
  [Indicator.MEDIATION_AGREEMENT_RATE]: { component: AssessmentComponentName.SAFETY, comparison: Comparison.AT_LEAST, unit: 'share', targets: { ADVANCED: 0.9, STANDARD: 0.85, FOUNDATIONAL: 0.8 } },
  [Indicator.POLICE_LIAISON_COVERAGE]: { component: AssessmentComponentName.SAFETY, comparison: Comparison.AT_LEAST, unit: 'share of communities', targets: { ADVANCED: 1, STANDARD: 1, FOUNDATIONAL: 1 } },
  [Indicator.PRACTICAL_PROJECTS_COMPLETED]: { component: AssessmentComponentName.PLAN_DELIVERY, comparison: Comparison.AT_LEAST, unit: 'share of last and this year’s practical projects completed', targets: { ADVANCED: 0.9, STANDARD: 0.8, FOUNDATIONAL: 0.7 } },
  [Indicator.OFFICE_SPACE_M2]: { component: AssessmentComponentName.CAPACITY, comparison: Comparison.AT_LEAST, unit: 'm² of office and activity space', targets: { ADVANCED: 500, STANDARD: 300, FOUNDATIONAL: 200 } },
  [Indicator.PROFESSIONAL_SOCIAL_WORKERS]: { component: AssessmentComponentName.CAPACITY, comparison: Comparison.AT_LEAST, unit: 'professional social workers', targets: { ADVANCED: 3, STANDARD: 2, FOUNDATIONAL: 1 } },
  [Indicator.COUNCIL_MEETINGS_PER_YEAR]: { component: AssessmentComponentName.CAPACITY, comparison: Comparison.AT_LEAST, unit: "residents' council meetings per year", targets: { ADVANCED: 6, STANDARD: 4, FOUNDATIONAL: 2 } },
};

export type AssessedIndicator = keyof typeof INDICATORS;
export const ASSESSED_INDICATORS = Object.keys(INDICATORS) as AssessedIndicator[];
