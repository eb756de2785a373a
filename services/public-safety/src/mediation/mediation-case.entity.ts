import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum MediationCategory {
  NEIGHBOURS = 'NEIGHBOURS',
  FAMILY = 'FAMILY',
  PROPERTY = 'PROPERTY',
  LABOUR = 'LABOUR',
  CONSUMER = 'CONSUMER',
  OTHER = 'OTHER',
}
registerEnumType(MediationCategory, { name: 'MediationCategory' });

export enum MediationOutcome {
  AGREEMENT_REACHED = 'AGREEMENT_REACHED',
  REFERRED = 'REFERRED',
  FAILED = 'FAILED',
}
registerEnumType(MediationOutcome, { name: 'MediationOutcome', description: 'How a closed mediation case ended; REFERRED means sent on to a court or another body.' });

@ObjectType({ description: 'A dispute brought to the community mediation committee (人民调解).' })
@Entity({ name: 'mediation_case' })
export class MediationCase {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Field(() => MediationCategory)
  @Column({ type: 'text' })
  category: MediationCategory;

  @Field({ description: 'YYYY-MM-DD.' })
  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Field({ description: 'The mediator, a committee member acting in that role.' })
  @Column({ type: 'text' })
  mediator: string;

  @Field(() => MediationOutcome, { nullable: true, description: 'Null while the case is open.' })
  @Column({ type: 'text', nullable: true })
  outcome: MediationOutcome | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while the case is open.' })
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Field(() => Int, { nullable: true, description: 'Calendar days from receipt to closing.' })
  @Column({ name: 'days_to_close', type: 'integer', nullable: true, insert: false, update: false })
  daysToClose: number | null;
}
