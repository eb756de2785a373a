import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { defineTransitions } from '@shequ/kit';
import { dateColumn } from '../common/columns';

export enum OrganizationKind {
  INDUSTRY_ASSOCIATION = 'INDUSTRY_ASSOCIATION',
  SOCIAL_SERVICE_ORGANIZATION = 'SOCIAL_SERVICE_ORGANIZATION',
  CHARITY = 'CHARITY',
  MEDIATION_ORGANIZATION = 'MEDIATION_ORGANIZATION',
  PROFESSIONAL_SERVICE_AGENCY = 'PROFESSIONAL_SERVICE_AGENCY',
  RESIDENTS_INTEREST_GROUP = 'RESIDENTS_INTEREST_GROUP',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind', description: 'Kinds of intermediary and social organisations.' });

export enum OrganizationFunction {
  SOCIAL_SERVICE = 'SOCIAL_SERVICE',
  GOVERNMENT_RESIDENT_COMMUNICATION = 'GOVERNMENT_RESIDENT_COMMUNICATION',
  NOTARISATION_AND_APPRAISAL = 'NOTARISATION_AND_APPRAISAL',
  SUPERVISION = 'SUPERVISION',
  MARKET_REGULATION = 'MARKET_REGULATION',
}
registerEnumType(OrganizationFunction, { name: 'OrganizationFunction', description: 'What an organisation does between government, market and residents.' });

export enum OrganizationStage {
  INCUBATING = 'INCUBATING',
  REGISTERED = 'REGISTERED',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(OrganizationStage, {
  name: 'OrganizationStage',
  description: 'Cultivation stage: INCUBATING → REGISTERED → ACTIVE; any of them may be SUSPENDED, and a suspended organisation may return to REGISTERED.',
});

export const ORGANIZATION_TRANSITIONS = defineTransitions<OrganizationStage>({
  INCUBATING: [OrganizationStage.REGISTERED, OrganizationStage.SUSPENDED],
  REGISTERED: [OrganizationStage.ACTIVE, OrganizationStage.SUSPENDED],
  ACTIVE: [OrganizationStage.SUSPENDED],
  SUSPENDED: [OrganizationStage.REGISTERED],
});

/** An intermediary or social organisation; it may serve several communities. */
@ObjectType('SocialOrganization', { description: 'An intermediary or social organisation cultivated by the volunteers department.' })
@Entity({ name: 'organization' })
export class Organization {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => OrganizationKind)
  @Column({ type: 'text' })
  kind: OrganizationKind;

  @Field(() => [OrganizationFunction])
  @Column({ type: 'text', array: true })
  functions: OrganizationFunction[];

  @Field(() => OrganizationStage)
  @Column({ type: 'text' })
  stage: OrganizationStage;

  @Field(() => String, { nullable: true, description: 'Unified social credit code or registration number, once registered.' })
  @Column({ name: 'registration_number', type: 'text', nullable: true })
  registrationNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Registration date (YYYY-MM-DD).' })
  @Column({ name: 'registered_on', type: 'date', nullable: true, transformer: dateColumn })
  registeredOn: string | null;

  @Field(() => Int)
  @Column({ name: 'staff_count', type: 'integer' })
  staffCount: number;

  @Field(() => Int)
  @Column({ name: 'volunteer_count', type: 'integer' })
  volunteerCount: number;
}

@Entity({ name: 'organization_community' })
export class OrganizationCommunity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;
}
