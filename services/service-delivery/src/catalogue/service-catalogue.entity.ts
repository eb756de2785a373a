import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum ServiceFee {
  FREE = 'FREE',
  SUBSIDISED = 'SUBSIDISED',
  MARKET = 'MARKET',
}
registerEnumType(ServiceFee, { name: 'ServiceFee', description: 'What a resident pays: nothing, a subsidised price, or the market price.' });

export enum ServiceProviderType {
  GOVERNMENT = 'GOVERNMENT',
  COMMUNITY = 'COMMUNITY',
  NGO = 'NGO',
  ENTERPRISE = 'ENTERPRISE',
  VOLUNTEER = 'VOLUNTEER',
}
registerEnumType(ServiceProviderType, { name: 'ServiceProviderType' });

@ObjectType({ description: 'A service residents may request (in the spirit of an Open311 service list entry).' })
@Entity({ name: 'service_offering' })
export class ServiceOffering {
  @Field({ description: 'Stable code, e.g. ELDER_MEAL; service requests name it.' })
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Field()
  @Column({ name: 'category_code', type: 'text' })
  categoryCode: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field(() => ServiceProviderType)
  @Column({ name: 'provider_type', type: 'text' })
  providerType: ServiceProviderType;

  @Field(() => ServiceFee)
  @Column({ type: 'text' })
  fee: ServiceFee;
}

@ObjectType({ description: 'A group of services in the catalogue.' })
@Entity({ name: 'service_category' })
export class ServiceCategory {
  @Field()
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => [ServiceOffering])
  services: ServiceOffering[];
}
