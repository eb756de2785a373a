import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from '@shequ/kit';

export enum ServiceInvestmentSource {
  STATE = 'STATE',
  ENTERPRISE = 'ENTERPRISE',
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
  PRIVATE = 'PRIVATE',
  DONATIONS = 'DONATIONS',
}
registerEnumType(ServiceInvestmentSource, { name: 'ServiceInvestmentSource', description: 'Who paid: the multi-channel investment the programme asks for.' });

@ObjectType({ description: 'Money put into community services in a year, from one source.' })
@Entity({ name: 'service_investment' })
export class ServiceInvestment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  @Field(() => ServiceInvestmentSource)
  @Column({ type: 'text' })
  source: ServiceInvestmentSource;

  @Field(() => Float, { description: 'Yuan.' })
  @Column({ type: 'numeric', transformer: numericColumn })
  amount: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  purpose: string | null;

  @Field(() => Date)
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
