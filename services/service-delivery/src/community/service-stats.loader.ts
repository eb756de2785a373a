import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { lastTwelveMonths, medianOverScopes, ratio, scopeParameters, summedOverScopes, thisCalendarYear } from '@shequ/kit';
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
 * Request figures by scope: the additive ones from the month summaries, the
 * median from the regions' histograms of days to resolve (a community from
 * its own requests in both).
 */
async function requestFigures(dataSource: DataSource, parameters: [readonly string[], string[]]): Promise<Map<string, RequestFigures>> {
  const prefixes = parameters[1];
  const byCode = async (statement: string) => new Map(((await dataSource.query(statement, parameters)) as Record<string, string | null>[]).map((row) => [row.code as string, row]));
  const window = lastTwelveMonths();
  const [open, submitted, resolved, medians] = await Promise.all([
    byCode(summedOverScopes(OPEN_REQUESTS, prefixes)),
    byCode(summedOverScopes(REQUESTS_BY_SUBMISSION, prefixes, window)),
    byCode(summedOverScopes(REQUESTS_BY_RESOLUTION, prefixes, window)),
    byCode(medianOverScopes(RESOLUTION_DAYS, prefixes, window)),
  ]);
  const figures = new Map<string, RequestFigures>();
  for (const code of parameters[0]) {
    const resolution = resolved.get(code);
    const resolvedCount = Number(resolution?.resolved ?? 0);
    const rated = Number(resolution?.rated ?? 0);
    const median = medians.get(code)?.median;
    figures.set(code, {
      openRequests: Number(open.get(code)?.requests ?? 0),
      requestsLast12Months: Number(submitted.get(code)?.requests ?? 0),
      resolvedWithin15DaysRate: ratio(Number(resolution?.resolved_within_15_days ?? 0), resolvedCount),
      medianDaysToResolve: median == null ? null : Number(median),
      averageSatisfaction: ratio(Number(resolution?.satisfaction_sum ?? 0), rated),
    });
  }
  return figures;
}

/**
 * The figures of many communities and regions at once: six statements
 * (facilities, four for requests, investment) per batch however many codes,
 * each an aggregate over prefix-matched rows.
 */
async function loadFigures(dataSource: DataSource, codes: readonly string[]): Promise<ServiceFigures[]> {
  const parameters = scopeParameters(codes);
  const [facilities, requests, investment] = await Promise.all([
    // Regions add up their summary rows, communities their own facilities (and investment).
    dataSource.query(summedOverScopes(COUNTED_FACILITIES, parameters[1]), parameters) as Promise<Record<string, string>[]>,
    requestFigures(dataSource, parameters),
    dataSource.query(summedOverScopes(INVESTMENT_BY_YEAR, parameters[1], thisCalendarYear()), parameters) as Promise<{ code: string; amount: string }[]>,
  ]);
  const investmentByCode = new Map(investment.map((row) => [row.code, Number(row.amount)]));
  const kindsByCode = new Map<string, { kind: ServiceFacilityKind; count: number; welfare: boolean }[]>();
  for (const row of facilities) {
    const kinds = Object.values(ServiceFacilityKind).map((kind) => ({ kind, count: Number(row[facilityKindMeasure(kind)]), welfare: WELFARE_KINDS.includes(kind) }));
    kindsByCode.set(row.code, kinds.filter((entry) => entry.count > 0));
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
