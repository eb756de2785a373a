import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { lastTwelveMonths, medianOverScopes, queryOverScopes, ratio, scopeParameters, summedOverScopes, thisCalendarYear, type ScopeRow } from '@shequ/kit';
import { ServiceFacilityKind } from '../facilities/service-facility.entity';
import type { ServiceFigures } from './service-stats.type';
import { WELFARE_KINDS } from './service-stats.sql';
import { COUNTED_FACILITIES, facilityKindMeasure, INVESTMENT_BY_YEAR, OPEN_REQUESTS, REQUESTS_BY_RESOLUTION, REQUESTS_BY_SUBMISSION, RESOLUTION_DAYS } from './service-summaries';

interface RequestFigures {
  openRequests: number;
  requestsLast12Months: number;
  resolvedWithin15DaysRate: number | null;
  medianDaysToResolve: number | null;
  averageSatisfaction: number | null;
}

/**
 * The figures of many communities and regions at once: six statements
 * (facilities, four for requests, investment; see `queryOverScopes`) per
 * batch however many codes, each an aggregate over prefix-matched rows. The
 * additive request figures come from the month summaries, the median from the
 * regions' histograms of days to resolve (a community from its own requests
 * in both).
 */
async function loadFigures(dataSource: DataSource, codes: readonly string[]): Promise<ServiceFigures[]> {
  const parameters = scopeParameters(codes);
  const prefixes = parameters[1];
  const window = lastTwelveMonths();
  const [facilities, open, submitted, resolved, medians, investment] = await queryOverScopes(
    dataSource,
    [
      // Regions add up their summary rows, communities their own facilities (and investment).
      summedOverScopes(COUNTED_FACILITIES, prefixes),
      summedOverScopes(OPEN_REQUESTS, prefixes),
      summedOverScopes(REQUESTS_BY_SUBMISSION, prefixes, window),
      summedOverScopes(REQUESTS_BY_RESOLUTION, prefixes, window),
      medianOverScopes(RESOLUTION_DAYS, prefixes, window),
      summedOverScopes(INVESTMENT_BY_YEAR, prefixes, thisCalendarYear()),
    ],
    parameters,
  );
  const byScope = (rows: ScopeRow[]) => new Map(rows.map((row) => [row.code as string, row]));
  const [openByCode, submittedByCode, resolvedByCode, mediansByCode] = [open, submitted, resolved, medians].map(byScope);
  const requests = new Map<string, RequestFigures>();
  for (const code of codes) {
    const resolution = resolvedByCode.get(code);
    const resolvedCount = Number(resolution?.resolved ?? 0);
    const rated = Number(resolution?.rated ?? 0);
    const median = mediansByCode.get(code)?.median;
    requests.set(code, {
      openRequests: Number(openByCode.get(code)?.requests ?? 0),
      requestsLast12Months: Number(submittedByCode.get(code)?.requests ?? 0),
      resolvedWithin15DaysRate: ratio(Number(resolution?.resolved_within_15_days ?? 0), resolvedCount),
      medianDaysToResolve: median == null ? null : Number(median),
      averageSatisfaction: ratio(Number(resolution?.satisfaction_sum ?? 0), rated),
    });
  }
  const investmentByCode = new Map(investment.map((row) => [row.code as string, Number(row.amount)]));
  const kindsByCode = new Map<string, { kind: ServiceFacilityKind; count: number; welfare: boolean }[]>();
  for (const row of facilities) {
    const kinds = Object.values(ServiceFacilityKind).map((kind) => ({ kind, count: Number(row[facilityKindMeasure(kind)]), welfare: WELFARE_KINDS.includes(kind) }));
    kindsByCode.set(row.code as string, kinds.filter((entry) => entry.count > 0));
  }
  return codes.map((code) => {
    const kinds = (kindsByCode.get(code) ?? []).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
    const request = requests.get(code);
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
