import { Field, Float, InputType, Int } from 'type-graphql';
import { assertCommunityCode, assertRegionCode, assertText, assertYear, assertYuan } from '@shequ/kit';
import { FundingSource, ProjectStatus } from './practical-project.entity';

const MAX_BUDGET = 1e10;

@InputType()
export class RegisterPracticalProjectInput {
  @Field()
  communityCode: string;

  @Field(() => Int)
  year: number;

  @Field()
  title: string;

  @Field(() => Float, { description: 'Yuan, ≥ 0.' })
  budget: number;

  @Field(() => FundingSource)
  fundingSource: FundingSource;
}

export function readRegisterPracticalProject(input: RegisterPracticalProjectInput): RegisterPracticalProjectInput {
  assertCommunityCode(input.communityCode, 'input.communityCode');
  assertYear(input.year, 'input.year');
  assertYuan(input.budget, 'input.budget', { max: MAX_BUDGET });
  return { ...input, title: assertText(input.title, 'input.title', 200) };
}

@InputType({ description: 'Narrows a list of practical projects; the fields combine with AND.' })
export class PracticalProjectFilter {
  @Field(() => String, { nullable: true })
  regionCode?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => ProjectStatus, { nullable: true })
  status?: ProjectStatus | null;
}

export function readPracticalProjectFilter(filter: PracticalProjectFilter | null | undefined): PracticalProjectFilter {
  if (filter?.regionCode != null) {
    assertRegionCode(filter.regionCode, 'filter.regionCode');
  }
  if (filter?.year != null) {
    assertYear(filter.year, 'filter.year');
  }
  return filter ?? {};
}
