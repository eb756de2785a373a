import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { assertOptionalDate, assertRegionCode, assertText, assertYear, badUserInput, DEPARTMENTS } from '@shequ/kit';
import { Tier } from '../community/community.entity';
import { Indicator } from '../assessment/indicators';
import { PlanKind } from './plan.entity';

/** Free text of a plan (a title, a target's or a measure's description). */
export const MAX_PLAN_TEXT = 500;

@InputType()
export class DraftPlanInput {
  @Field()
  regionCode: string;

  @Field(() => PlanKind)
  kind: PlanKind;

  @Field()
  title: string;

  @Field(() => Int)
  startYear: number;

  @Field(() => Int)
  endYear: number;

  @Field(() => ID, { nullable: true, description: 'For an annual plan: the five-year plan it belongs to.' })
  parentPlanId?: string | null;
}

export function readDraftPlan(input: DraftPlanInput): DraftPlanInput {
  assertRegionCode(input.regionCode, 'input.regionCode');
  const title = assertText(input.title, 'input.title', MAX_PLAN_TEXT);
  assertYear(input.startYear, 'input.startYear');
  assertYear(input.endYear, 'input.endYear');
  const span = input.endYear - input.startYear;
  if (input.kind === PlanKind.FIVE_YEAR && span !== 4) {
    throw badUserInput('input.endYear', `a five-year plan spans five years: endYear must be startYear + 4 (${input.startYear + 4})`);
  }
  if (input.kind === PlanKind.ANNUAL && span !== 0) {
    throw badUserInput('input.endYear', 'an annual plan starts and ends in the same year');
  }
  return { ...input, title };
}

@InputType()
export class PlanTargetInput {
  @Field(() => Indicator)
  indicator: Indicator;

  @Field()
  description: string;

  @Field(() => Float, { nullable: true })
  baseline?: number | null;

  @Field(() => Float)
  targetValue: number;

  @Field()
  unit: string;

  @Field(() => Int)
  dueYear: number;

  @Field(() => [Tier], { description: 'The tiers the target applies to; at least one.' })
  tiers: Tier[];
}

export function readPlanTarget(input: PlanTargetInput): PlanTargetInput {
  if (!Number.isFinite(input.targetValue) || input.targetValue < 0) {
    throw badUserInput('input.targetValue', 'must be a number ≥ 0');
  }
  if (input.baseline != null && (!Number.isFinite(input.baseline) || input.baseline < 0)) {
    throw badUserInput('input.baseline', 'must be a number ≥ 0');
  }
  if (input.tiers.length === 0) {
    throw badUserInput('input.tiers', 'name at least one tier');
  }
  assertYear(input.dueYear, 'input.dueYear');
  return {
    ...input,
    description: assertText(input.description, 'input.description', MAX_PLAN_TEXT),
    unit: assertText(input.unit, 'input.unit', 50),
    tiers: [...new Set(input.tiers)],
  };
}

@InputType()
export class PlanMeasureInput {
  @Field()
  description: string;

  @Field({ description: `One of ${DEPARTMENTS.join(', ')}.` })
  leadDepartment: string;

  @Field(() => [String], { defaultValue: [] })
  supportingDepartments: string[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dueDate?: string | null;
}

export function readPlanMeasure(input: PlanMeasureInput): PlanMeasureInput {
  const departments: readonly string[] = DEPARTMENTS;
  for (const [argument, department] of [['input.leadDepartment', input.leadDepartment], ...input.supportingDepartments.map((d) => ['input.supportingDepartments', d])]) {
    if (!departments.includes(department)) {
      throw badUserInput(argument, `"${department}" is not a department (${DEPARTMENTS.join(', ')})`);
    }
  }
  return { ...input, dueDate: assertOptionalDate(input.dueDate, 'input.dueDate'), description: assertText(input.description, 'input.description', MAX_PLAN_TEXT) };
}
