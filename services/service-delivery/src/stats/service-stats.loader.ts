import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { codeWithinPrefix, significantPrefix } from '@shequ/kit';
import type { ServiceFacilityKind } from '../facilities/service-facility.entity';
import type { ServiceFigures } from './service-stats.type';
import {
  AVERAGE_SATISFACTION,
  COUNTED_FACILITY,
  CURRENT_YEAR,
  MEDIAN_DAYS_TO_RESOLVE,
  OPEN_REQUEST,
  RELEVANT_REQUEST,
  RESOLVED_WITHIN_15_DAYS_RATE,
  SUBMITTED_LAST_12_MONTHS,
  WELFARE_FACILITY,
} from './service-stats.sql';

/** A community's 12-digit code is its own prefix; a region's is its significant prefix. */
export function scopePrefix(code: string): string {
  return code.length === 12 ? code : significantPrefix(code);
}

const SCOPE = `unnest($1::text[], $2::text[]) AS scope(code, prefix)`;

/**
 * The figures of many communities and regions at once: three statements
 * (facilities, requests, investment) per batch however many codes, each an
 * aggregate over prefix-matched rows.
 */
async function loadFigures(dataSource: DataSource, codes: readonly string[]): Promise<ServiceFigures[]> {
  const parameters = [[...codes], codes.map(scopePrefix)];
  const [facilities, requests, investment] = await Promise.all([
    dataSource.query(
      `SELECT scope.code, f.kind, count(f.id)::int AS count, bool_or(${WELFARE_FACILITY}) AS welfare
       FROM ${SCOPE}
       JOIN service_delivery.service_facility f ON ${codeWithinPrefix('f.community_code', 'scope.prefix')} AND ${COUNTED_FACILITY}
       GROUP BY scope.code, f.kind`,
      parameters,
    ) as Promise<{ code: string; kind: ServiceFacilityKind; count: number; welfare: boolean }[]>,
    dataSource.query(
      `SELECT scope.code,
              count(r.id) FILTER (WHERE ${OPEN_REQUEST})::int AS "openRequests",
              count(r.id) FILTER (WHERE ${SUBMITTED_LAST_12_MONTHS})::int AS "requestsLast12Months",
              ${RESOLVED_WITHIN_15_DAYS_RATE} AS "resolvedWithin15DaysRate",
              ${MEDIAN_DAYS_TO_RESOLVE} AS "medianDaysToResolve",
              ${AVERAGE_SATISFACTION} AS "averageSatisfaction"
       FROM ${SCOPE}
       LEFT JOIN service_delivery.service_request r ON ${codeWithinPrefix('r.community_code', 'scope.prefix')} AND ${RELEVANT_REQUEST}
       GROUP BY scope.code`,
      parameters,
    ) as Promise<{ code: string; openRequests: number; requestsLast12Months: number; resolvedWithin15DaysRate: number | null; medianDaysToResolve: number | null; averageSatisfaction: number | null }[]>,
    dataSource.query(
      `SELECT scope.code, coalesce(sum(i.amount), 0)::float8 AS amount
       FROM ${SCOPE}
       LEFT JOIN service_delivery.service_investment i ON ${codeWithinPrefix('i.community_code', 'scope.prefix')} AND i.year = ${CURRENT_YEAR}
       GROUP BY scope.code`,
      parameters,
    ) as Promise<{ code: string; amount: number }[]>,
  ]);
  const requestsByCode = new Map(requests.map((row) => [row.code, row]));
  const investmentByCode = new Map(investment.map((row) => [row.code, row.amount]));
  const kindsByCode = new Map<string, typeof facilities>();
  for (const row of facilities) {
    kindsByCode.set(row.code, [...(kindsByCode.get(row.code) ?? []), row]);
  }
  return codes.map((code) => {
    const kinds = (kindsByCode.get(code) ?? []).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
    const request = requestsByCode.get(code);
    return {
      facilityCount: kinds.reduce((sum, row) => sum + row.count, 0),
      facilitiesByKind: kinds.map(({ kind, count }) => ({ kind, count })),
      welfareFacilities: kinds.filter((row) => row.welfare).reduce((sum, row) => sum + row.count, 0),
      openRequests: request?.openRequests ?? 0,
      requestsLast12Months: request?.requestsLast12Months ?? 0,
      resolvedWithin15DaysRate: request?.resolvedWithin15DaysRate ?? null,
      medianDaysToResolve: request?.medianDaysToResolve ?? null,
      averageSatisfaction: request?.averageSatisfaction ?? null,
      investmentThisYear: investmentByCode.get(code) ?? 0,
    };
  });
}

export function createServiceStatsLoaders(dataSource: DataSource) {
  return {
    serviceFigures: new DataLoader<string, ServiceFigures>((codes) => loadFigures(dataSource, codes)),
  };
}
