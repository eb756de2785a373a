import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
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
