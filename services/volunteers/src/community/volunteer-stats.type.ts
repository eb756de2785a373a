import { Field, Float, Int, ObjectType } from 'type-graphql';
import { OrganizationKind, OrganizationStage } from '../organization/organization.entity';

@ObjectType({ description: 'How many organisations serving the area are at one cultivation stage.' })
export class OrganizationStageCount {
  @Field(() => OrganizationStage)
  stage: OrganizationStage;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'How many organisations serving the area are of one kind.' })
export class OrganizationKindCount {
  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => Int)
  count: number;
}

/**
 * Volunteering in a community or region, with the same meaning at every
 * level: every figure is an aggregate over the rows whose community code
 * lies within the area. "Last 12 months" is the 12 months up to today.
 */
@ObjectType({ description: 'Volunteering and organisations in a community or region; the same meaning at every level.' })
export class VolunteerStats {
  @Field(() => Int, { description: 'Volunteers registered in the area and not withdrawn.' })
  registeredVolunteers: number;

  @Field(() => Int, { description: 'Registered (not withdrawn) volunteers of the area with confirmed service hours in the last 12 months, wherever they served.' })
  activeVolunteers: number;

  @Field(() => Float, { nullable: true, description: 'registeredVolunteers per 100 residents (governance population); null when the population is 0.' })
  registeredVolunteersPer100Residents: number | null;

  @Field(() => Float, { description: "Confirmed service hours of activities held in the area in the last 12 months (counted where the activity took place)." })
  confirmedHoursLast12Months: number;

  @Field(() => Int, { description: 'Activities held in the area that started in the last 12 months (up to now).' })
  activitiesLast12Months: number;

  @Field(() => [OrganizationStageCount], {
    description: 'Organisations serving at least one community of the area, per stage (every stage listed, zeros included). An organisation counts once for every community it serves, and once for a region however many of its communities it serves.',
  })
  organizationsByStage: OrganizationStageCount[];

  @Field(() => [OrganizationKindCount], { description: 'As organizationsByStage, per kind.' })
  organizationsByKind: OrganizationKindCount[];
}
