import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/*
 * The other departments' stats, as governance sees them: only the figures the
 * assessment @requires, each @external — owned and resolved by the service
 * delivery, volunteers and public safety subgraphs. The gateway fetches them
 * there and hands them to governance in the entity representation.
 */

@ObjectType('ServiceStats')
export class ServiceStatsFigures {
  @Directive('@external')
  @Field(() => Float, { nullable: true })
  welfareFacilitiesPer1000Residents: number | null;

  @Directive('@external')
  @Field(() => Float, { nullable: true })
  resolvedWithin15DaysRate: number | null;
}

@ObjectType('VolunteerStats')
export class VolunteerStatsFigures {
  @Directive('@external')
  @Field(() => Int)
  registeredVolunteers: number;

  @Directive('@external')
  @Field(() => Int)
  activeVolunteers: number;

  @Directive('@external')
  @Field(() => Float, { nullable: true })
  registeredVolunteersPer100Residents: number | null;
}

@ObjectType('SafetyStats')
export class SafetyStatsFigures {
  @Directive('@external')
  @Field(() => Float, { nullable: true })
  incidentsPer1000Residents: number | null;

  @Directive('@external')
  @Field(() => Float, { nullable: true })
  mediationAgreementRate: number | null;

  @Directive('@external')
  @Field(() => Float)
  policeLiaisonCoverage: number;
}

/** What the assessment's @requires selects from the other subgraphs. */
export const REQUIRED_DEPARTMENT_FIGURES =
  'serviceStats { welfareFacilitiesPer1000Residents resolvedWithin15DaysRate } ' +
  'volunteerStats { registeredVolunteers activeVolunteers registeredVolunteersPer100Residents } ' +
  'safetyStats { incidentsPer1000Residents mediationAgreementRate policeLiaisonCoverage }';

/** The figures as they arrive on an entity representation; absent when a department did not answer. */
export interface DepartmentFigures {
  serviceStats?: ServiceStatsFigures | null;
  volunteerStats?: VolunteerStatsFigures | null;
  safetyStats?: SafetyStatsFigures | null;
}
