import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from '@shequ/kit';

export enum SafetyGroupKind {
  SECURITY_COMMITTEE = 'SECURITY_COMMITTEE',
  PATROL_GROUP = 'PATROL_GROUP',
}
registerEnumType(SafetyGroupKind, { name: 'SafetyGroupKind', description: 'Mass prevention: a security committee (治保会) or a patrol group (巡逻队).' });


@ObjectType({ description: 'A security committee or patrol group of residents in a community.' })
@Entity({ name: 'safety_group' })
export class SafetyGroup {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Field(() => SafetyGroupKind)
  @Column({ type: 'text' })
  kind: SafetyGroupKind;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  members: number;
}

@ObjectType({ description: 'One patrol held in a community; `jointWithPolice` marks police-resident joint patrols.' })
@Entity({ name: 'patrol' })
export class Patrol {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId: string | null;

  @Field({ description: 'YYYY-MM-DD.' })
  @Column({ name: 'patrolled_on', type: 'date' })
  patrolledOn: string;

  @Field(() => Float)
  @Column({ type: 'numeric', transformer: numericColumn })
  hours: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  participants: number;

  @Field()
  @Column({ name: 'joint_with_police', type: 'boolean' })
  jointWithPolice: boolean;
}
