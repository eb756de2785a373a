import { Field, InputType } from 'type-graphql';
import { assertCommunityCode, assertDate, assertText } from '@shequ/kit';
import { MediationCategory } from './mediation-case.entity';

@InputType()
export class OpenMediationCaseInput {
  @Field()
  communityCode: string;

  @Field(() => MediationCategory)
  category: MediationCategory;

  @Field({ description: 'YYYY-MM-DD, not in the future.' })
  receivedOn: string;

  @Field({ description: "The mediator's name, 1–100 characters." })
  mediator: string;
}

export function readOpenMediationCase(input: OpenMediationCaseInput): OpenMediationCaseInput {
  assertCommunityCode(input.communityCode, 'input.communityCode');
  return {
    ...input,
    receivedOn: assertDate(input.receivedOn, 'input.receivedOn', { notAfterToday: true }),
    mediator: assertText(input.mediator, 'input.mediator', 100),
  };
}

@InputType({ description: "Narrows a community's mediation cases; the fields combine with AND." })
export class MediationCaseFilter {
  @Field(() => MediationCategory, { nullable: true })
  category?: MediationCategory | null;

  @Field(() => Boolean, { nullable: true, description: 'true: open cases only; false: closed only.' })
  open?: boolean | null;
}

export interface MediationCaseCriteria {
  category: MediationCategory | null;
  open: boolean | null;
}

export function readMediationCaseFilter(filter: MediationCaseFilter | null | undefined): MediationCaseCriteria {
  return { category: filter?.category ?? null, open: filter?.open ?? null };
}
