import { In, type DataSource } from 'typeorm';
import { loaderByKey, loaderOfLists, scopedPageLoader, type CursorPart } from '@shequ/kit';
import { ServiceRequest, ServiceRequestTransition } from './service-request.entity';
import type { RequestCriteria } from './service-request.input';

/** The shape of this list's cursors (its sortKey), for readPage. */
export const SERVICE_REQUEST_CURSOR: readonly CursorPart[] = ['bigint', 'id'];

/** A row of a page, carrying its cursor: submitted_at in microseconds, which a JS Date would round. */
type PagedRequest = ServiceRequest & { cursorMicros: string };

/** A request's columns under its property names, from `service_request t`. */
export const REQUEST_COLUMNS = `t.id, t.community_code AS "communityCode", t.service_code AS "serviceCode", t.description, t.channel, t.status,
  t.submitter_sub AS "submitterSub", t.idempotency_key AS "idempotencyKey", t.contact_name AS "contactName", t.contact_phone AS "contactPhone",
  t.submitted_at AS "submittedAt", t.accepted_at AS "acceptedAt", t.started_at AS "startedAt", t.resolved_at AS "resolvedAt",
  t.closed_at AS "closedAt", t.rejected_at AS "rejectedAt", t.rejection_reason AS "rejectionReason", t.satisfaction, t.rated_at AS "ratedAt"`;

const CURSOR_KEY = `(extract(epoch FROM t.submitted_at) * 1000000)::bigint`;

export function createServiceRequestLoaders(dataSource: DataSource) {
  return {
    serviceRequestById: loaderByKey(
      (ids: string[]) => dataSource.getRepository(ServiceRequest).findBy({ id: In(ids) }),
      (request) => request.id,
    ),
    /** Pages of many communities' requests, newest first (a community code is the scope). */
    serviceRequestPages: scopedPageLoader<PagedRequest, RequestCriteria>(dataSource, {
      from: 'service_delivery.service_request t',
      within: 't.community_code = scope.code',
      columns: `${REQUEST_COLUMNS}, ${CURSOR_KEY}::text AS "cursorMicros"`,
      orderBy: 't.submitted_at DESC, t.id DESC',
      after: `(${CURSOR_KEY}, t.id) < ($A1::bigint, $A2::uuid)`,
      sortKey: (request) => [request.cursorMicros, request.id],
      filters: (criteria, parameters) => {
        const conditions: string[] = [];
        for (const [column, value] of [
          ['t.status', criteria.status],
          ['t.service_code', criteria.serviceCode],
          ['t.channel', criteria.channel],
        ] as const) {
          if (value !== null) {
            parameters.push(value);
            conditions.push(`${column} = $${parameters.length}`);
          }
        }
        return conditions;
      },
    }),
    transitionsByRequest: loaderOfLists(
      (ids: string[]) => dataSource.getRepository(ServiceRequestTransition).find({ where: { requestId: In(ids) }, order: { occurredAt: 'ASC', id: 'ASC' } }),
      (transition) => transition.requestId,
    ),
  };
}
