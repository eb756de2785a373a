import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { assertTransition, auditedStatement, auditedWrite, authorize, authorizedRecord, badUserInput, found, graphqlError, isAllowed, type Viewer, assertId, personalValue } from '@shequ/kit';
import { serviceDeliveryPolicy, type ServiceDeliveryOperation } from '../access-policy';
import { ServiceOffering } from '../catalogue/service-catalogue.entity';
import { CommunityReference } from '../community/community.reference';
import type { ServiceDeliveryContext } from '../context';
import { REQUEST_TRANSITIONS, ServiceRequest, ServiceRequestStatus, ServiceRequestTransition } from './service-request.entity';
import { REQUEST_COLUMNS } from './service-request.loader';
import {
  RateServiceRequestInput,
  readRating,
  readRejection,
  readStep,
  readSubmission,
  RejectServiceRequestInput,
  ServiceRequestStepInput,
  SubmitServiceRequestInput,
  type SubmissionValues,
} from './service-request.input';

/** The policy's readServiceRequestDetails rule, with the submitter as the request's owner (who always sees it). */
export function mayReadDetails(viewer: Viewer | null, request: Pick<ServiceRequest, 'submitterSub' | 'communityCode'>): boolean {
  return isAllowed(serviceDeliveryPolicy, 'readServiceRequestDetails', viewer, request.communityCode, request.submitterSub);
}

/** A transition as the graph serves it: with its request, to decide who may see actor and note. */
type TransitionView = ServiceRequestTransition & { request: ServiceRequest };

const STEP_TIMESTAMPS: Partial<Record<ServiceRequestStatus, 'acceptedAt' | 'startedAt' | 'resolvedAt' | 'closedAt' | 'rejectedAt'>> = {
  ACCEPTED: 'acceptedAt',
  IN_PROGRESS: 'startedAt',
  RESOLVED: 'resolvedAt',
  CLOSED: 'closedAt',
  REJECTED: 'rejectedAt',
};

function sameSubmission(request: ServiceRequest, values: SubmissionValues): boolean {
  return (
    request.communityCode === values.communityCode &&
    request.serviceCode === values.serviceCode &&
    request.description === values.description &&
    request.channel === values.channel
  );
}

@Resolver(() => ServiceRequest)
export class ServiceRequestResolver {
  @Query(() => ServiceRequest, { nullable: true, description: 'One service request; null when there is none with this id. Description and submitter are null unless you may read them.' })
  serviceRequest(@Arg('id', () => ID) id: string, @Ctx() context: ServiceDeliveryContext): Promise<ServiceRequest | null> {
    return context.loaders.requests.serviceRequestById.load(assertId(id, 'id'));
  }

  @FieldResolver(() => CommunityReference)
  community(@Root() request: ServiceRequest): CommunityReference {
    return { code: request.communityCode } as CommunityReference;
  }

  @FieldResolver(() => ServiceOffering, { description: 'The catalogue entry requested.' })
  async service(@Root() request: ServiceRequest, @Ctx() context: ServiceDeliveryContext): Promise<ServiceOffering> {
    return (await context.loaders.catalogue.offeringByCode.load(request.serviceCode)) as ServiceOffering;
  }

  @FieldResolver(() => String, { nullable: true, description: 'What was asked for; null unless you submitted it, or are a community worker or service-delivery staff within its jurisdiction.' })
  description(@Root() request: ServiceRequest, @Ctx() context: ServiceDeliveryContext): string | null {
    return mayReadDetails(context.viewer, request) ? request.description : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The submitter's account (token subject); null under the same rule as description." })
  submitter(@Root() request: ServiceRequest, @Ctx() context: ServiceDeliveryContext): string | null {
    return mayReadDetails(context.viewer, request) ? request.submitterSub : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Contact name; masked (张*) unless you may read the request; null for anonymous callers.' })
  contactName(@Root() request: ServiceRequest, @Ctx() context: ServiceDeliveryContext): string | null {
    return personalValue(request.contactName, 'name', context.viewer, mayReadDetails(context.viewer, request));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Contact phone; only its last four digits (*******5678) unless you may read the request; null for anonymous callers.' })
  contactPhone(@Root() request: ServiceRequest, @Ctx() context: ServiceDeliveryContext): string | null {
    return personalValue(request.contactPhone, 'phone', context.viewer, mayReadDetails(context.viewer, request));
  }

  @FieldResolver(() => [ServiceRequestTransition], { description: 'Every move, oldest first, starting with the submission.' })
  async transitions(@Root() request: ServiceRequest, @Ctx() context: ServiceDeliveryContext): Promise<TransitionView[]> {
    const transitions = await context.loaders.requests.transitionsByRequest.load(request.id);
    return transitions.map((transition) => Object.assign(Object.create(ServiceRequestTransition.prototype) as ServiceRequestTransition, transition, { request }));
  }

  @Mutation(() => ServiceRequest, { description: 'Submits a request. Retrying with the same idempotencyKey returns the first request; reusing a key for a different request is CONFLICT.' })
  async submitServiceRequest(@Arg('input', () => SubmitServiceRequestInput) input: SubmitServiceRequestInput, @Ctx() context: ServiceDeliveryContext): Promise<ServiceRequest> {
    const values = readSubmission(input);
    const viewer = authorize(serviceDeliveryPolicy, 'submitServiceRequest', context.viewer, values.communityCode);
    // A submission is the busiest write a resident makes, so it is one statement: the request (only for a service in the
    // catalogue), its submission's transition, its audit entry and the row answered back. ON CONFLICT waits for a
    // concurrent twin to commit, so two racing retries still make one request.
    const inserted = await auditedStatement<ServiceRequest>(context, { operation: 'submitServiceRequest', targetType: 'ServiceRequest' }, {
      parts: `inserted AS (
          INSERT INTO service_delivery.service_request
            (community_code, service_code, description, channel, status, submitter_sub, idempotency_key, contact_name, contact_phone)
          SELECT $1, $2, $3, $4, 'SUBMITTED', $5, $6, $7, $8
          WHERE EXISTS (SELECT 1 FROM service_delivery.service_offering WHERE code = $2)
          ON CONFLICT ON CONSTRAINT service_request_idempotency_key DO NOTHING
          RETURNING *
        ), submission AS (
          INSERT INTO service_delivery.service_request_transition (request_id, from_status, to_status, actor_sub, actor_roles, note, occurred_at)
          SELECT id, NULL, status, submitter_sub, $9::text[], NULL, submitted_at FROM inserted
        )`,
      targets: 'inserted',
      answer: `SELECT ${REQUEST_COLUMNS} FROM inserted t`,
      parameters: [values.communityCode, values.serviceCode, values.description, values.channel, viewer.sub, values.idempotencyKey, values.contactName, values.contactPhone, viewer.roles],
    });
    if (inserted.length > 0) {
      return context.dataSource.manager.create(ServiceRequest, inserted[0]);
    }
    // Nothing written: the service is not offered, or the key was used before (a retry is answered with its first request).
    if (!(await context.dataSource.manager.existsBy(ServiceOffering, { code: values.serviceCode }))) {
      throw badUserInput('input.serviceCode', `${values.serviceCode} is not in the service catalogue`);
    }
    const first = found(await context.dataSource.manager.findOneBy(ServiceRequest, { submitterSub: viewer.sub, idempotencyKey: values.idempotencyKey }), 'the request of this idempotency key');
    if (!sameSubmission(first, values)) {
      throw graphqlError('CONFLICT', 'idempotencyKey was already used for a different request; use a new key for a new request', { argument: 'input.idempotencyKey' });
    }
    return first;
  }

  @Mutation(() => ServiceRequest, { description: 'SUBMITTED → ACCEPTED.' })
  acceptServiceRequest(@Arg('input', () => ServiceRequestStepInput) input: ServiceRequestStepInput, @Ctx() context: ServiceDeliveryContext): Promise<ServiceRequest> {
    const { id, note } = readStep(input);
    return this.move(context, 'acceptServiceRequest', id, ServiceRequestStatus.ACCEPTED, note);
  }

  @Mutation(() => ServiceRequest, { description: 'ACCEPTED → IN_PROGRESS.' })
  startServiceRequest(@Arg('input', () => ServiceRequestStepInput) input: ServiceRequestStepInput, @Ctx() context: ServiceDeliveryContext): Promise<ServiceRequest> {
    const { id, note } = readStep(input);
    return this.move(context, 'startServiceRequest', id, ServiceRequestStatus.IN_PROGRESS, note);
  }

  @Mutation(() => ServiceRequest, { description: 'IN_PROGRESS → RESOLVED; the submitter may then rate it.' })
  resolveServiceRequest(@Arg('input', () => ServiceRequestStepInput) input: ServiceRequestStepInput, @Ctx() context: ServiceDeliveryContext): Promise<ServiceRequest> {
    const { id, note } = readStep(input);
    return this.move(context, 'resolveServiceRequest', id, ServiceRequestStatus.RESOLVED, note);
  }

  @Mutation(() => ServiceRequest, { description: 'RESOLVED → CLOSED.' })
  closeServiceRequest(@Arg('input', () => ServiceRequestStepInput) input: ServiceRequestStepInput, @Ctx() context: ServiceDeliveryContext): Promise<ServiceRequest> {
    const { id, note } = readStep(input);
    return this.move(context, 'closeServiceRequest', id, ServiceRequestStatus.CLOSED, note);
  }

  @Mutation(() => ServiceRequest, { description: 'SUBMITTED or ACCEPTED → REJECTED, with a reason.' })
  rejectServiceRequest(@Arg('input', () => RejectServiceRequestInput) input: RejectServiceRequestInput, @Ctx() context: ServiceDeliveryContext): Promise<ServiceRequest> {
    const { id, reason } = readRejection(input);
    return this.move(context, 'rejectServiceRequest', id, ServiceRequestStatus.REJECTED, reason, (request) => {
      request.rejectionReason = reason;
    });
  }

  @Mutation(() => ServiceRequest, { description: 'The submitter rates a RESOLVED or CLOSED request, once, 1–5.' })
  async rateServiceRequest(@Arg('input', () => RateServiceRequestInput) input: RateServiceRequestInput, @Ctx() context: ServiceDeliveryContext): Promise<ServiceRequest> {
    const { id, satisfaction } = readRating(input);
    return auditedWrite(context, { operation: 'rateServiceRequest', targetType: 'ServiceRequest' }, async (manager) => {
      // The rule's owner clause: only the resident who submitted the request may rate it; to anyone else it is unknown.
      const request = authorizedRecord(serviceDeliveryPolicy, 'rateServiceRequest', context.viewer, await manager.findOne(ServiceRequest, { where: { id }, lock: { mode: 'pessimistic_write' } }), `service request ${id}`, (row) => ({
        code: row.communityCode,
        ownerSub: row.submitterSub,
      }));
      if (request.status !== ServiceRequestStatus.RESOLVED && request.status !== ServiceRequestStatus.CLOSED) {
        throw badUserInput('input.id', `the service request is ${request.status}: it can be rated once RESOLVED or CLOSED`);
      }
      if (request.satisfaction !== null) {
        throw badUserInput('input.id', 'the service request has already been rated');
      }
      request.satisfaction = satisfaction;
      request.ratedAt = new Date();
      return { result: await manager.save(request), targetIds: [request.id] };
    });
  }

  /** One status move: lock, authorise on the request's community, check the move, write it, its transition and the audit entry together. */
  private move(
    context: ServiceDeliveryContext,
    operation: ServiceDeliveryOperation,
    id: string,
    to: ServiceRequestStatus,
    note: string | null,
    apply?: (request: ServiceRequest) => void,
  ): Promise<ServiceRequest> {
    return auditedWrite(context, { operation, targetType: 'ServiceRequest' }, async (manager) => {
      const request = authorizedRecord(serviceDeliveryPolicy, operation, context.viewer, await manager.findOne(ServiceRequest, { where: { id }, lock: { mode: 'pessimistic_write' } }), `service request ${id}`, (row) => ({
        code: row.communityCode,
      }));
      const viewer = context.viewer as Viewer;
      assertTransition(REQUEST_TRANSITIONS, request.status, to, 'the service request');
      const from = request.status;
      request.status = to;
      const stamp = STEP_TIMESTAMPS[to];
      if (stamp) {
        request[stamp] = new Date();
      }
      apply?.(request);
      const saved = await manager.save(request);
      await this.recordTransition(manager, viewer, saved, from, note);
      return { result: saved, targetIds: [request.id] };
    });
  }

  /** A move after the submission (whose transition goes in with the request). */
  private async recordTransition(manager: EntityManager, viewer: Viewer, request: ServiceRequest, from: ServiceRequestStatus, note: string | null): Promise<void> {
    await manager.insert(ServiceRequestTransition, {
      requestId: request.id,
      fromStatus: from,
      toStatus: request.status,
      actorSub: viewer.sub,
      actorRoles: viewer.roles,
      note,
      occurredAt: new Date(),
    });
  }
}

@Resolver(() => ServiceRequestTransition)
export class ServiceRequestTransitionResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who made the move (token subject); null unless you may read the request.' })
  actor(@Root() transition: TransitionView, @Ctx() context: ServiceDeliveryContext): string | null {
    return mayReadDetails(context.viewer, transition.request) ? transition.actorSub : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The note given with the move; null unless you may read the request.' })
  note(@Root() transition: TransitionView, @Ctx() context: ServiceDeliveryContext): string | null {
    return mayReadDetails(context.viewer, transition.request) ? transition.note : null;
  }
}
