import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { defineTransitions } from '@shequ/kit';

export enum ServiceRequestStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
}
registerEnumType(ServiceRequestStatus, {
  name: 'ServiceRequestStatus',
  description: 'SUBMITTED → ACCEPTED → IN_PROGRESS → RESOLVED → CLOSED, or REJECTED (with a reason) before work starts.',
});

/** Statuses that no longer count as open. */
export const FINISHED_STATUSES: readonly ServiceRequestStatus[] = [ServiceRequestStatus.RESOLVED, ServiceRequestStatus.CLOSED, ServiceRequestStatus.REJECTED];

/*
 * Rejection is allowed until work has started: once a provider is on it, the
 * request ends as resolved (possibly with a note that nothing could be done).
 */
export const REQUEST_TRANSITIONS = defineTransitions<ServiceRequestStatus>({
  SUBMITTED: [ServiceRequestStatus.ACCEPTED, ServiceRequestStatus.REJECTED],
  ACCEPTED: [ServiceRequestStatus.IN_PROGRESS, ServiceRequestStatus.REJECTED],
  IN_PROGRESS: [ServiceRequestStatus.RESOLVED],
  RESOLVED: [ServiceRequestStatus.CLOSED],
  CLOSED: [],
  REJECTED: [],
});

export enum ServiceRequestChannel {
  COUNTER = 'COUNTER',
  PHONE = 'PHONE',
  APP = 'APP',
  VISIT = 'VISIT',
}
registerEnumType(ServiceRequestChannel, { name: 'ServiceRequestChannel', description: 'How the request reached the community: at the counter, by phone, in the app, or on a home visit.' });

/**
 * A resident's request for a service (after Open311 GeoReport v2). The
 * description, submitter and contact are personal: see ServiceRequestResolver.
 */
@ObjectType({ description: "A resident's request for a service, followed from submission to rating." })
@Entity({ name: 'service_request' })
export class ServiceRequest {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Field()
  @Column({ name: 'service_code', type: 'text' })
  serviceCode: string;

  @Column({ type: 'text' })
  description: string;

  @Field(() => ServiceRequestChannel)
  @Column({ type: 'text' })
  channel: ServiceRequestChannel;

  @Field(() => ServiceRequestStatus)
  @Column({ type: 'text' })
  status: ServiceRequestStatus;

  @Column({ name: 'submitter_sub', type: 'text' })
  submitterSub: string;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Field(() => Date)
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'rejected_at', type: 'timestamptz', nullable: true })
  rejectedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the request was rejected; public, so it must not hold personal data.' })
  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  @Field(() => Int, { nullable: true, description: "The submitter's satisfaction, 1–5, given after resolution." })
  @Column({ type: 'smallint', nullable: true })
  satisfaction: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true })
  ratedAt: Date | null;
}

@ObjectType({ description: 'One move of a service request through its statuses.' })
@Entity({ name: 'service_request_transition' })
export class ServiceRequestTransition {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Field(() => ServiceRequestStatus, { nullable: true, description: 'Null for the submission itself.' })
  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: ServiceRequestStatus | null;

  @Field(() => ServiceRequestStatus)
  @Column({ name: 'to_status', type: 'text' })
  toStatus: ServiceRequestStatus;

  @Column({ name: 'actor_sub', type: 'text' })
  actorSub: string;

  @Field(() => [String], { description: "The roles of whoever made the move (their identity is under `actor`)." })
  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles: string[];

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => Date)
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
