import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum LegalServiceKind {
  EDUCATION_SESSION = 'EDUCATION_SESSION',
  CONSULTATION = 'CONSULTATION',
  LEGAL_AID_CASE = 'LEGAL_AID_CASE',
}
registerEnumType(LegalServiceKind, { name: 'LegalServiceKind', description: 'Legal education session (普法), consultation, or legal-aid case.' });

@ObjectType({ description: 'A legal service delivered in a community.' })
@Entity({ name: 'legal_service' })
export class LegalService {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Field(() => LegalServiceKind)
  @Column({ type: 'text' })
  kind: LegalServiceKind;

  @Field({ description: 'YYYY-MM-DD.' })
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Field(() => Int)
  @Column({ name: 'people_reached', type: 'integer' })
  peopleReached: number;

  @Field()
  @Column({ type: 'text' })
  topic: string;
}
