import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericColumn } from '@shequ/kit';


/** The community office's means: space, network, people, and residents' self-government. */
@ObjectType({ description: "A community's capacity: office space, staff, social workers and residents' self-government." })
@Entity({ name: 'community_capacity' })
export class CommunityCapacity {
  @PrimaryColumn({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Field(() => Float)
  @Column({ name: 'office_space_m2', type: 'numeric', transformer: numericColumn })
  officeSpaceM2: number;

  @Field(() => Float)
  @Column({ name: 'activity_space_m2', type: 'numeric', transformer: numericColumn })
  activitySpaceM2: number;

  @Field()
  @Column({ name: 'network_access', type: 'boolean' })
  networkAccess: boolean;

  @Field(() => Int)
  @Column({ type: 'integer' })
  staff: number;

  @Field(() => Int)
  @Column({ name: 'professional_social_workers', type: 'integer' })
  professionalSocialWorkers: number;

  @Field(() => String, { nullable: true, description: "Date the last residents' committee election was held (YYYY-MM-DD)." })
  @Column({ name: 'last_election_on', type: 'date', nullable: true })
  lastElectionOn: string | null;

  @Field(() => Float, { nullable: true, description: 'Turnout of that election, 0–1.' })
  @Column({ name: 'election_turnout', type: 'numeric', nullable: true, transformer: numericColumn })
  electionTurnout: number | null;

  @Field(() => Int)
  @Column({ name: 'council_meetings_per_year', type: 'integer' })
  councilMeetingsPerYear: number;
}
