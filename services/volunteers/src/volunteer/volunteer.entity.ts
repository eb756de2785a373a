import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { defineTransitions, numericColumn } from '@shequ/kit';
import { dateColumn } from '../common/columns';

export enum VolunteerSkill {
  ELDERLY_CARE = 'ELDERLY_CARE',
  CHILD_CARE = 'CHILD_CARE',
  LEGAL = 'LEGAL',
  MEDICAL = 'MEDICAL',
  EDUCATION = 'EDUCATION',
  CULTURE_AND_SPORTS = 'CULTURE_AND_SPORTS',
  ENVIRONMENT = 'ENVIRONMENT',
  MEDIATION = 'MEDIATION',
  IT = 'IT',
  PSYCHOLOGICAL_SUPPORT = 'PSYCHOLOGICAL_SUPPORT',
  EMERGENCY_RESPONSE = 'EMERGENCY_RESPONSE',
  OTHER = 'OTHER',
}
registerEnumType(VolunteerSkill, { name: 'VolunteerSkill' });

export enum VolunteerStatus {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(VolunteerStatus, {
  name: 'VolunteerStatus',
  description: 'ACTIVE ⇄ INACTIVE; either may become WITHDRAWN, which is final. (Stats call a volunteer active by confirmed hours, not by this status.)',
});

export const VOLUNTEER_TRANSITIONS = defineTransitions<VolunteerStatus>({
  ACTIVE: [VolunteerStatus.INACTIVE, VolunteerStatus.WITHDRAWN],
  INACTIVE: [VolunteerStatus.ACTIVE, VolunteerStatus.WITHDRAWN],
  WITHDRAWN: [],
});

/** A registered volunteer. Name, phone and ID number are personal: the resolver masks them unless the policy allows. */
@ObjectType({ description: 'A volunteer registered in a community.' })
@Entity({ name: 'volunteer' })
export class Volunteer {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: '12-digit code of the community the volunteer is registered in.' })
  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  /** The token subject of the volunteer's own account, when they have one. */
  @Column({ name: 'account_sub', type: 'text', nullable: true })
  accountSub: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  phone: string;

  @Column({ name: 'id_number', type: 'text' })
  idNumber: string;

  @Field(() => [VolunteerSkill])
  @Column({ type: 'text', array: true })
  skills: VolunteerSkill[];

  @Field(() => VolunteerStatus)
  @Column({ type: 'text' })
  status: VolunteerStatus;

  @Field({ description: 'Registration date (YYYY-MM-DD).' })
  @Column({ name: 'registered_on', type: 'date', transformer: dateColumn })
  registeredOn: string;

  @Column({ name: 'hour_balance', type: 'numeric', transformer: numericColumn })
  hourBalance: number;
}
