import { Field, Float, Int, ObjectType } from 'type-graphql';

/**
 * Public safety of a community or a region, with the same meaning at every
 * level: each figure is an aggregate over the community codes under the
 * scope's prefix. "Last 12 months" counts from the same day a year ago;
 * "last month" is the 30 days up to and including today.
 */
@ObjectType({ description: 'Safety figures for a community or a region; the same meaning at every level. Counts only: never a row about a person.' })
export class SafetyStats {
  @Field(() => Int, { description: 'Safety incidents that occurred in the last 12 months.' })
  incidentsLast12Months: number;

  @Field(() => Float, { nullable: true, description: 'incidentsLast12Months per 1,000 residents (governance population); null when the population is 0.' })
  incidentsPer1000Residents: number | null;

  @Field(() => Int, { description: 'Mediation cases received in the last 12 months.' })
  mediationCasesLast12Months: number;

  @Field(() => Float, { nullable: true, description: 'Of the mediation cases closed in the last 12 months, the share closed with an agreement; null when none closed.' })
  mediationAgreementRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Median days from receipt to closing, over cases closed in the last 12 months; null when none closed.' })
  medianDaysToCloseMediation: number | null;

  @Field(() => Int, { description: 'Patrols held in the last 30 days (today included).' })
  patrolsLastMonth: number;

  @Field(() => Int, { description: 'Of patrolsLastMonth, the police-resident joint patrols.' })
  jointPatrolsLastMonth: number;

  @Field(() => Float, { description: 'Patrol hours in the last 30 days.' })
  patrolHoursLastMonth: number;

  @Field(() => Int, { description: 'Hazards found by inspections and not yet fixed.' })
  openHazards: number;

  @Field(() => Int, { description: 'People reached by legal services (education, consultation, legal aid) in the last 12 months.' })
  legalServicePeopleReachedLast12Months: number;

  @Field(() => Float, { description: 'Share of communities with a current police liaison; for a community 0 or 1. For a region: over governance communityCount.' })
  policeLiaisonCoverage: number;

  @Field(() => Int, { description: 'Communities without a current police liaison (a region: communityCount minus those with one; a community: 0 or 1).' })
  communitiesWithoutPoliceLiaison: number;

  @Field(() => Int, { description: 'Persons under community supervision now. A count only; rows are restricted.' })
  supervisedPersons: number;
}
