import { Field, Float, InputType, Int } from 'type-graphql';
import { assertCommunityCode, assertOptionalText, assertYear, assertYuan, chinaYear, currentInstant } from '@shequ/kit';
import { ServiceInvestmentSource } from './service-investment.entity';

const MAX_AMOUNT = 1e10;

@InputType()
export class RecordInvestmentInput {
  @Field()
  communityCode: string;

  @Field(() => Int, { description: '2000 to next year.' })
  year: number;

  @Field(() => ServiceInvestmentSource)
  source: ServiceInvestmentSource;

  @Field(() => Float, { description: `Yuan, more than 0 and at most ${MAX_AMOUNT}, to the fen.` })
  amount: number;

  @Field(() => String, { nullable: true, description: 'At most 200 characters.' })
  purpose?: string | null;
}

export function readInvestment(input: RecordInvestmentInput, now = currentInstant()) {
  return {
    communityCode: assertCommunityCode(input.communityCode, 'input.communityCode'),
    year: assertYear(input.year, 'input.year', chinaYear(now) + 1),
    source: input.source,
    amount: assertYuan(input.amount, 'input.amount', { max: MAX_AMOUNT, exclusiveMin: true }),
    purpose: assertOptionalText(input.purpose, 'input.purpose', 200),
  };
}
