import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum InspectionTargetKind {
  RENTAL_HOUSING = 'RENTAL_HOUSING',
  ENTERTAINMENT_VENUE = 'ENTERTAINMENT_VENUE',
  COMMERCIAL_AREA = 'COMMERCIAL_AREA',
}
registerEnumType(InspectionTargetKind, { name: 'InspectionTargetKind' });

@ObjectType({ description: 'A safety inspection of rental housing, an entertainment venue or a commercial area.' })
@Entity({ name: 'inspection' })
export class Inspection {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Field(() => InspectionTargetKind)
  @Column({ name: 'target_kind', type: 'text' })
  targetKind: InspectionTargetKind;

  @Field({ description: 'The building, venue or area inspected (a place, never a person).' })
  @Column({ name: 'target_name', type: 'text' })
  targetName: string;

  @Field({ description: 'YYYY-MM-DD.' })
  @Column({ name: 'inspected_on', type: 'date' })
  inspectedOn: string;
}

@ObjectType({ description: 'A hazard an inspection found; open until `fixedOn` is set.' })
@Entity({ name: 'inspection_hazard' })
export class InspectionHazard {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId: string;

  @Field()
  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while the hazard is open.' })
  @Column({ name: 'fixed_on', type: 'date', nullable: true })
  fixedOn: string | null;
}
