import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { defineTransitions } from '@shequ/kit';

export enum SafetyIncidentCategory {
  THEFT = 'THEFT',
  FRAUD = 'FRAUD',
  FIRE = 'FIRE',
  TRAFFIC = 'TRAFFIC',
  DRUGS = 'DRUGS',
  PUBLIC_ORDER = 'PUBLIC_ORDER',
  DISPUTE_ESCALATION = 'DISPUTE_ESCALATION',
  OTHER = 'OTHER',
}
registerEnumType(SafetyIncidentCategory, { name: 'SafetyIncidentCategory' });

export enum SafetyIncidentSeverity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}
registerEnumType(SafetyIncidentSeverity, { name: 'SafetyIncidentSeverity' });

export enum SafetyIncidentStatus {
  REPORTED = 'REPORTED',
  INVESTIGATING = 'INVESTIGATING',
  RESOLVED = 'RESOLVED',
  DISMISSED = 'DISMISSED',
}
registerEnumType(SafetyIncidentStatus, { name: 'SafetyIncidentStatus', description: 'REPORTED → INVESTIGATING → RESOLVED; REPORTED or INVESTIGATING → DISMISSED; RESOLVED and DISMISSED are final.' });

export const INCIDENT_TRANSITIONS = defineTransitions<SafetyIncidentStatus>({
  REPORTED: [SafetyIncidentStatus.INVESTIGATING, SafetyIncidentStatus.RESOLVED, SafetyIncidentStatus.DISMISSED],
  INVESTIGATING: [SafetyIncidentStatus.RESOLVED, SafetyIncidentStatus.DISMISSED],
  RESOLVED: [],
  DISMISSED: [],
});

/** A safety incident in a community. It holds no personal data: the summary says what happened, not to whom. */
@ObjectType({ description: 'A safety incident in a community; no personal data.' })
@Entity({ name: 'safety_incident' })
export class SafetyIncident {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Field(() => SafetyIncidentCategory)
  @Column({ type: 'text' })
  category: SafetyIncidentCategory;

  @Field(() => SafetyIncidentSeverity)
  @Column({ type: 'text' })
  severity: SafetyIncidentSeverity;

  @Field(() => Date)
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Field(() => Date)
  @Column({ name: 'reported_at', type: 'timestamptz', default: () => 'now()' })
  reportedAt: Date;

  @Field(() => SafetyIncidentStatus)
  @Column({ type: 'text' })
  status: SafetyIncidentStatus;

  @Field()
  @Column({ type: 'text' })
  summary: string;
}
