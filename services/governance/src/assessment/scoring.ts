import { Comparison, INDICATORS, ASSESSED_INDICATORS, AssessmentComponentName, type AssessedIndicator } from './indicators';

/**
 * The harmonious-community assessment, as a pure function.
 *
 * For each indicator with a figure, attainment is how far the figure reaches
 * its target, capped at 1:
 *   AT_LEAST: min(1, actual / target)        (a target of 0 is always met)
 *   AT_MOST:  1 when actual ≤ target, else target / actual
 * A component's score is 100 × the mean attainment of its indicators that
 * have a figure; a component with no figure at all is MISSING, not zero.
 * The overall score is the mean of the components that are not missing
 * (equal weights), so missing data neither fails nor drags the score; it is
 * null only when every component is missing. A target is met when its
 * attainment is 1. Scores are rounded to one decimal.
 *
 * Worked example — a STANDARD community with 0.3 welfare facilities per
 * 1,000 residents (target 0.6 → 0.5) and 90% of requests resolved within 15
 * days (target 0.8 → 1): service coverage = 100 × (0.5 + 1) / 2 = 75.0.
 * With volunteer participation 100, safety 80, capacity 50 and no practical
 * projects (plan delivery MISSING), the score is (75 + 100 + 80 + 50) / 4 = 76.3.
 */
export type Figures = Partial<Record<AssessedIndicator, number | null>>;

/** The target of each indicator for the community (or, for a region, its communities' tier mix). */
export type Targets = Record<AssessedIndicator, number>;

export interface TargetResult {
  indicator: AssessedIndicator;
  component: AssessmentComponentName;
  comparison: Comparison;
  target: number;
  actual: number | null;
  met: boolean | null;
}

export interface ComponentScore {
  name: AssessmentComponentName;
  /** null when the component is missing. */
  score: number | null;
}

export interface AssessmentResult {
  score: number | null;
  components: ComponentScore[];
  targets: TargetResult[];
}

function attainment(comparison: Comparison, actual: number, target: number): number {
  if (comparison === Comparison.AT_LEAST) {
    return target <= 0 ? 1 : Math.min(1, actual / target);
  }
  return actual <= target ? 1 : target / actual;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function assess(figures: Figures, targets: Targets): AssessmentResult {
  const results: (TargetResult & { attainment: number | null })[] = ASSESSED_INDICATORS.map((indicator) => {
    const { component, comparison } = INDICATORS[indicator];
    const actual = figures[indicator];
    const target = targets[indicator];
    // A figure or a target that is missing (no tier template for it) leaves the indicator unscored.
    const reached = actual === null || actual === undefined || !Number.isFinite(actual) || !Number.isFinite(target) ? null : attainment(comparison, actual, target);
    return { indicator, component, comparison, target, actual: reached === null ? null : (actual as number), met: reached === null ? null : reached >= 1, attainment: reached };
  });
  const components = Object.values(AssessmentComponentName).map((name) => {
    const reached = results.filter((result) => result.component === name && result.attainment !== null).map((result) => result.attainment as number);
    return { name, score: reached.length ? round1((100 * reached.reduce((a, b) => a + b, 0)) / reached.length) : null };
  });
  const present = components.filter((component) => component.score !== null).map((component) => component.score as number);
  return {
    score: present.length ? round1(present.reduce((a, b) => a + b, 0) / present.length) : null,
    components,
    targets: results.map(({ attainment: _attainment, ...result }) => result),
  };
}
