import { Field, Float, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { dateColumn } from '../common/columns';
import { numericColumn } from '@shequ/kit';

/**
 * A volunteer's place in an activity: signed up, then attendance and hours
 * recorded, then the hours confirmed by the organiser side — only confirmed
 * hours count towards the time bank and the stats.
 */
@ObjectType({ description: "A volunteer's sign-up for an activity, with attendance and service hours once recorded." })
@Entity({ name: 'activity_signup' })
export class VolunteerSignUp {
  @PrimaryColumn({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @PrimaryColumn({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Column({ name: 'served_on', type: 'date', transformer: dateColumn })
  servedOn: string;

  @Field(() => Date)
  @Column({ name: 'signed_up_at', type: 'timestamptz' })
  signedUpAt: Date;

  @Field(() => Boolean, { nullable: true, description: 'Null until attendance is recorded.' })
  @Column({ type: 'boolean', nullable: true })
  attended: boolean | null;

  @Field(() => Float, { nullable: true, description: 'Service hours recorded for the volunteer.' })
  @Column({ type: 'numeric', nullable: true, transformer: numericColumn })
  hours: number | null;

  @Field(() => Date, { nullable: true, description: 'When the organiser side confirmed the hours; null while unconfirmed.' })
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'confirmed_by', type: 'text', nullable: true })
  confirmedBy: string | null;
}
