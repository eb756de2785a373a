import { Field, InputType } from 'type-graphql';
import { assertCommunityCode, assertDate, assertPhone, assertText } from '@shequ/kit';

@InputType({ description: "Assigns a community's police liaison officer; the current one, if any, ends the day before `since`." })
export class AssignPoliceLiaisonInput {
  @Field()
  communityCode: string;

  @Field()
  officerName: string;

  @Field({ description: 'Mobile (11 digits) or landline with area code.' })
  officerPhone: string;

  @Field()
  station: string;

  @Field({ description: 'YYYY-MM-DD, not in the future.' })
  since: string;
}

export function readAssignPoliceLiaison(input: AssignPoliceLiaisonInput): AssignPoliceLiaisonInput {
  assertCommunityCode(input.communityCode, 'input.communityCode');
  return {
    communityCode: input.communityCode,
    officerName: assertText(input.officerName, 'input.officerName', 50),
    officerPhone: assertPhone(input.officerPhone, 'input.officerPhone'),
    station: assertText(input.station, 'input.station', 100),
    since: assertDate(input.since, 'input.since', { notAfterToday: true }),
  };
}
