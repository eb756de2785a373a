import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SafetyStatsFigures, ServiceStatsFigures, VolunteerStatsFigures } from '../assessment/department-stats.type';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum Tier {
  ADVANCED = 'ADVANCED',
  STANDARD = 'STANDARD',
  FOUNDATIONAL = 'FOUNDATIONAL',
}
registerEnumType(Tier, {
  name: 'Tier',
  description: 'The classification that decides which targets a community is asked to reach.',
});

/** A residents' community, keyed by its 12-digit code; it lies in one street. */
@Directive('@key(fields: "code")')
@ObjectType({ description: "A residents' community (社区), the unit every department's work is recorded against." })
@Entity({ name: 'community' })
export class Community {
  @Field({ description: '12-digit statistical code, e.g. 620102001001; its first 9 digits are the street.' })
  @PrimaryColumn({ type: 'varchar', length: 12, collation: 'C' })
  code: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'street_code', type: 'varchar', length: 9, collation: 'C' })
  streetCode: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  population: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  households: number;

  @Field(() => Tier)
  @Column({ type: 'text' })
  tier: Tier;

  @Field({ description: 'True for communities the demo data invented.' })
  @Column({ type: 'boolean', default: false })
  synthetic: boolean;

  // Owned by the other departments; declared here only so the assessment can @require them.
  @Directive('@external')
  @Field(() => ServiceStatsFigures, { nullable: true })
  serviceStats?: ServiceStatsFigures;

  @Directive('@external')
  @Field(() => VolunteerStatsFigures, { nullable: true })
  volunteerStats?: VolunteerStatsFigures;

  @Directive('@external')
  @Field(() => SafetyStatsFigures, { nullable: true })
  safetyStats?: SafetyStatsFigures;
}
