import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum VolunteerTeamRole {
  LEADER = 'LEADER',
  MEMBER = 'MEMBER',
}
registerEnumType(VolunteerTeamRole, { name: 'VolunteerTeamRole' });

/** A volunteer team; it belongs to a community and, when an organisation runs it, to that organisation too. */
@ObjectType({ description: 'A volunteer team of a community, optionally run by an organisation.' })
@Entity({ name: 'team' })
export class VolunteerTeam {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field()
  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;
}

@ObjectType({ description: "A volunteer's place in a team." })
@Entity({ name: 'team_member' })
export class VolunteerTeamMember {
  @PrimaryColumn({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @PrimaryColumn({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @Field(() => VolunteerTeamRole)
  @Column({ type: 'text' })
  role: VolunteerTeamRole;

  @Field(() => Date)
  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;
}
