import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { loaderByKey, loaderOfLists, toConnection, type Connection, type PageRequest, type CursorPart } from '@shequ/kit';
import { ServiceRequest, ServiceRequestTransition } from './service-request.entity';
import type { RequestCriteria } from './service-request.input';

/** The shape of this list's cursors (its sortKey), for readPage. */
export const SERVICE_REQUEST_CURSOR: readonly CursorPart[] = ['bigint', 'id'];

export interface RequestPageKey {
  communityCode: string;
  criteria: RequestCriteria;
  page: PageRequest;
}

/** A row of a page, carrying its cursor: submitted_at in microseconds, which a JS Date would round. */
type PagedRequest = ServiceRequest & { cursorMicros: string };

const REQUEST_COLUMNS = `r.id, r.community_code AS "communityCode", r.service_code AS "serviceCode", r.description, r.channel, r.status,
  r.submitter_sub AS "submitterSub", r.idempotency_key AS "idempotencyKey", r.contact_name AS "contactName", r.contact_phone AS "contactPhone",
  r.submitted_at AS "submittedAt", r.accepted_at AS "acceptedAt", r.started_at AS "startedAt", r.resolved_at AS "resolvedAt",
  r.closed_at AS "closedAt", r.rejected_at AS "rejectedAt", r.rejection_reason AS "rejectionReason", r.satisfaction, r.rated_at AS "ratedAt"`;

const CURSOR_KEY = `(extract(epoch FROM r.submitted_at) * 1000000)::bigint`;

/**
 * Pages of many communities' requests, newest first, in one statement per
 * distinct (filter, page): window functions number and count each
 * community's rows (as governance's community pages do). Each community's
 * first row comes back even when it lies before the cursor, only to carry
 * the total.
 */
async function loadPages(dataSource: DataSource, keys: readonly RequestPageKey[]): Promise<Connection<ServiceRequest>[]> {
  const groups = new Map<string, RequestPageKey[]>();
  for (const key of keys) {
    const groupKey = JSON.stringify([key.criteria, key.page]);
    groups.set(groupKey, [...(groups.get(groupKey) ?? []), key]);
  }
  const results = new Map<RequestPageKey, Connection<ServiceRequest>>();
  for (const group of groups.values()) {
    const { criteria, page } = group[0];
    const parameters: unknown[] = [[...new Set(group.map((key) => key.communityCode))], page.first + 1];
    const conditions = ['r.community_code = ANY($1::text[])'];
    for (const [column, value] of [
      ['r.status', criteria.status],
      ['r.service_code', criteria.serviceCode],
      ['r.channel', criteria.channel],
    ] as const) {
      if (value !== null) {
        parameters.push(value);
        conditions.push(`${column} = $${parameters.length}`);
      }
    }
    let afterCursor = 'true';
    if (page.after) {
      parameters.push(String(page.after[0]), String(page.after[1]));
      afterCursor = `(${CURSOR_KEY}, r.id) < ($${parameters.length - 1}::bigint, $${parameters.length}::uuid)`;
    }
    const order = 'r.submitted_at DESC, r.id DESC';
    const rows: (PagedRequest & { total: string; after_cursor: boolean; position: string; overall: string })[] = await dataSource.query(
      `SELECT * FROM (
         SELECT ${REQUEST_COLUMNS}, ${CURSOR_KEY}::text AS "cursorMicros",
                count(*) OVER (PARTITION BY r.community_code) AS total,
                ${afterCursor} AS after_cursor,
                row_number() OVER (PARTITION BY r.community_code, ${afterCursor} ORDER BY ${order}) AS position,
                row_number() OVER (PARTITION BY r.community_code ORDER BY ${order}) AS overall
         FROM service_delivery.service_request r
         WHERE ${conditions.join(' AND ')}
       ) ranked
       WHERE (after_cursor AND position <= $2) OR overall = 1
       ORDER BY "communityCode", after_cursor, position`,
      parameters,
    );
    const byCommunity = new Map<string, { rows: PagedRequest[]; total: number }>();
    for (const { total, after_cursor: isAfterCursor, position: _position, overall: _overall, ...request } of rows) {
      const entry = byCommunity.get(request.communityCode) ?? { rows: [], total: Number(total) };
      if (isAfterCursor) {
        entry.rows.push(request);
      }
      byCommunity.set(request.communityCode, entry);
    }
    for (const key of group) {
      const entry = byCommunity.get(key.communityCode);
      results.set(key, toConnection<ServiceRequest>(entry?.rows ?? [], page, entry?.total ?? 0, (row) => [(row as PagedRequest).cursorMicros, row.id]));
    }
  }
  return keys.map((key) => results.get(key) as Connection<ServiceRequest>);
}

export function createServiceRequestLoaders(dataSource: DataSource) {
  return {
    serviceRequestById: loaderByKey(
      (ids: string[]) => dataSource.getRepository(ServiceRequest).findBy({ id: In(ids) }),
      (request) => request.id,
    ),
    serviceRequestPages: new DataLoader<RequestPageKey, Connection<ServiceRequest>, string>((keys) => loadPages(dataSource, keys), {
      cacheKeyFn: (key) => JSON.stringify(key),
    }),
    transitionsByRequest: loaderOfLists(
      (ids: string[]) => dataSource.getRepository(ServiceRequestTransition).find({ where: { requestId: In(ids) }, order: { occurredAt: 'ASC', id: 'ASC' } }),
      (transition) => transition.requestId,
    ),
  };
}
