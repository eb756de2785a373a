import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum VolunteerActivityCategory {
  ELDERLY_CARE = 'ELDERLY_CARE',
  CHILD_CARE = 'CHILD_CARE',
  LEGAL_AID = 'LEGAL_AID',
  HEALTH = 'HEALTH',
  EDUCATION = 'EDUCATION',
  CULTURE_AND_SPORTS = 'CULTURE_AND_SPORTS',
  ENVIRONMENT = 'ENVIRONMENT',
  MEDIATION = 'MEDIATION',
  SAFETY_PATROL = 'SAFETY_PATROL',
  EMERGENCY_RESPONSE = 'EMERGENCY_RESPONSE',
  OTHER = 'OTHER',
}
registerEnumType(VolunteerActivityCategory, { name: 'VolunteerActivityCategory' });

/** A volunteer activity held in a community, organised by exactly one team or organisation. */
@ObjectType({ description: 'A volunteer activity held in a community.' })
@Entity({ name: 'activity' })
export class VolunteerActivity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => VolunteerActivityCategory)
  @Column({ type: 'text' })
  category: VolunteerActivityCategory;

  @Field()
  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Column({ name: 'organiser_team_id', type: 'uuid', nullable: true })
  organiserTeamId: string | null;

  @Column({ name: 'organiser_organization_id', type: 'uuid', nullable: true })
  organiserOrganizationId: string | null;

  @Field(() => Date)
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Field(() => Date)
  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Field(() => Int, { description: 'How many volunteers may sign up.' })
  @Column({ type: 'integer' })
  places: number;
}
