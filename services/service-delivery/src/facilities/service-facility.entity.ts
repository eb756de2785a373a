import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum ServiceFacilityKind {
  ELDERLY_CARE = 'ELDERLY_CARE',
  DISABILITY_SERVICES = 'DISABILITY_SERVICES',
  CHILD_WELFARE = 'CHILD_WELFARE',
  HEALTH_STATION = 'HEALTH_STATION',
  CANTEEN = 'CANTEEN',
  BATHHOUSE = 'BATHHOUSE',
  SPORTS_GROUND = 'SPORTS_GROUND',
  CULTURE_EDUCATION_ROOM = 'CULTURE_EDUCATION_ROOM',
  COMMUNITY_SERVICE_CENTRE = 'COMMUNITY_SERVICE_CENTRE',
  OTHER = 'OTHER',
}
registerEnumType(ServiceFacilityKind, {
  name: 'ServiceFacilityKind',
  description: 'What a facility offers. ELDERLY_CARE, DISABILITY_SERVICES and CHILD_WELFARE are the welfare facilities counted per 1,000 residents.',
});

/** The kinds counted as welfare facilities in ServiceStats. */
export const WELFARE_KINDS: readonly ServiceFacilityKind[] = [
  ServiceFacilityKind.ELDERLY_CARE,
  ServiceFacilityKind.DISABILITY_SERVICES,
  ServiceFacilityKind.CHILD_WELFARE,
];

export enum ServiceFacilityOwnership {
  GOVERNMENT = 'GOVERNMENT',
  ENTERPRISE = 'ENTERPRISE',
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
  NGO = 'NGO',
  PRIVATE = 'PRIVATE',
}
registerEnumType(ServiceFacilityOwnership, { name: 'ServiceFacilityOwnership' });

export enum ServiceFacilityStatus {
  OPERATING = 'OPERATING',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
}
registerEnumType(ServiceFacilityStatus, {
  name: 'ServiceFacilityStatus',
  description: 'OPERATING and SUSPENDED facilities count in ServiceStats; CLOSED ones do not.',
});

@ObjectType({ description: 'A place in a community where residents receive a service.' })
@Entity({ name: 'service_facility' })
export class ServiceFacility {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => ServiceFacilityKind)
  @Column({ type: 'text' })
  kind: ServiceFacilityKind;

  @Field(() => ServiceFacilityOwnership)
  @Column({ type: 'text' })
  ownership: ServiceFacilityOwnership;

  @Field({ description: "True when this is a unit's own facility (canteen, bathhouse, sports or teaching facility) opened to residents: resource sharing." })
  @Column({ name: 'shared_by_unit', type: 'boolean' })
  sharedByUnit: boolean;

  @Field(() => Int, { description: 'People it can serve at once (beds, seats, places).' })
  @Column({ type: 'integer' })
  capacity: number;

  @Field(() => String, { nullable: true, description: 'Free text, e.g. "周一至周五 8:30-17:30".' })
  @Column({ name: 'opening_hours', type: 'text', nullable: true })
  openingHours: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Field(() => ServiceFacilityStatus)
  @Column({ type: 'text' })
  status: ServiceFacilityStatus;

  @Field(() => Date)
  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
