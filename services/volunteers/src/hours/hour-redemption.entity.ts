import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from '@shequ/kit';

/** Hours taken out of a volunteer's time bank in exchange for a service. */
@ObjectType({ description: "Hours redeemed from a volunteer's time bank for a service." })
@Entity({ name: 'hour_redemption' })
export class VolunteerHourRedemption {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Field(() => Float)
  @Column({ type: 'numeric', transformer: numericColumn })
  hours: number;

  @Field({ description: 'What the hours were exchanged for.' })
  @Column({ type: 'text' })
  service: string;

  @Field(() => Date)
  @Column({ name: 'redeemed_at', type: 'timestamptz' })
  redeemedAt: Date;

  @Column({ name: 'recorded_by', type: 'text', nullable: true })
  recordedBy: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;
}
