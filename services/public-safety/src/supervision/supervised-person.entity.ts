import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum SupervisionCategory {
  RELEASED_PRISONER = 'RELEASED_PRISONER',
  COMMUNITY_CORRECTION = 'COMMUNITY_CORRECTION',
  DRUG_REHABILITATION = 'DRUG_REHABILITATION',
}
registerEnumType(SupervisionCategory, { name: 'SupervisionCategory', description: 'Released prisoner (刑满释放), community correction (社区矫正), or community drug rehabilitation (社区戒毒).' });

@ObjectType({ description: "A supervised person's assistance and education plan." })
export class SupervisionPlan {
  @Field()
  assistance: string;

  @Field()
  education: string;

  @Field(() => Date)
  updatedAt: Date;
}

/**
 * RESTRICTED. Only `supervisedPersons` returns these rows, only to
 * public-safety staff whose jurisdiction covers the community, and every row
 * it returns is written to the audit log in the same transaction.
 */
@ObjectType({ description: 'RESTRICTED: a person under community supervision. Readable only by public-safety staff of the jurisdiction; every read is audited.' })
@Entity({ name: 'supervised_person' })
export class SupervisedPerson {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Field(() => SupervisionCategory)
  @Column({ type: 'text' })
  category: SupervisionCategory;

  @Field()
  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Field()
  @Column({ name: 'id_number', type: 'varchar', length: 18 })
  idNumber: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Field({ description: 'YYYY-MM-DD.' })
  @Column({ name: 'supervised_from', type: 'date' })
  supervisedFrom: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while open-ended.' })
  @Column({ name: 'supervised_until', type: 'date', nullable: true })
  supervisedUntil: string | null;

  @Field({ description: 'The caseworker responsible for the person.' })
  @Column({ type: 'text' })
  caseworker: string;

  @Column({ name: 'assistance_plan', type: 'text' })
  assistancePlan: string;

  @Column({ name: 'education_plan', type: 'text' })
  educationPlan: string;

  @Column({ name: 'plan_updated_at', type: 'timestamptz', default: () => 'now()' })
  planUpdatedAt: Date;
}
