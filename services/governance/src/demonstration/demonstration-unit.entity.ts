import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum DemonstrationLevel {
  PROVINCIAL = 'PROVINCIAL',
  MUNICIPAL = 'MUNICIPAL',
}
registerEnumType(DemonstrationLevel, { name: 'DemonstrationLevel' });

/** A community or street designated as a demonstration unit, for the practice others should learn from. */
@ObjectType({ description: 'A demonstration unit: a community (12 digits) or street (9 digits) designated in a year for a practice.' })
@Entity({ name: 'demonstration_unit' })
export class DemonstrationUnit {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The community or street code.' })
  @Column({ type: 'varchar', length: 12, collation: 'C' })
  code: string;

  @Field(() => DemonstrationLevel)
  @Column({ type: 'text' })
  level: DemonstrationLevel;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  @Field({ description: 'The practice the unit is known for.' })
  @Column({ type: 'text' })
  practice: string;
}

@InputType()
export class DesignateDemonstrationUnitInput {
  @Field({ description: 'A community (12 digits) or street (9 digits).' })
  code: string;

  @Field(() => DemonstrationLevel)
  level: DemonstrationLevel;

  @Field(() => Int)
  year: number;

  @Field()
  practice: string;
}

@InputType()
export class DemonstrationUnitFilter {
  @Field(() => String, { nullable: true })
  regionCode?: string | null;

  @Field(() => DemonstrationLevel, { nullable: true })
  level?: DemonstrationLevel | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;
}
