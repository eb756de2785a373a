import { Field, Float, InputType, Int } from 'type-graphql';
import { assertCommunityCode, badUserInput, chinaYear, currentInstant } from '@shequ/kit';
import { assertIntegerBetween, assertText } from '../common/validation';
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
  // Amounts are kept to the fen: the check is on the rounded amount, so 0.001 yuan cannot become a stored 0.
  const amount = Math.round(input.amount * 100) / 100;
  if (!Number.isFinite(input.amount) || amount <= 0 || input.amount > MAX_AMOUNT) {
    throw badUserInput('input.amount', `must be at least 0.01 and at most ${MAX_AMOUNT} yuan`);
  }
  return {
    communityCode: assertCommunityCode(input.communityCode, 'input.communityCode'),
    year: assertIntegerBetween(input.year, 'input.year', 2000, chinaYear(now) + 1),
    source: input.source,
    amount,
    purpose: assertText(input.purpose, 'input.purpose', 200, true),
  };
}
