import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { lastTwelveMonths, membersOverScopes, queryOverScopes, scopeParameters, summedOverScopes, type ScopeRow } from '@shequ/kit';
import { ACTIVITIES_BY_START, CONFIRMED_HOURS, ORGANIZATIONS_SERVING, VOLUNTEERS_BY_LAST_SERVICE } from './volunteer-summaries';
import { OrganizationKind, OrganizationStage } from '../organization/organization.entity';
import type { VolunteerStats } from './volunteer-stats.type';

/** The stats without the per-resident rate, which needs governance's population and is computed in the resolver. */
export type VolunteerFigures = Omit<VolunteerStats, 'registeredVolunteersPer100Residents'>;

/**
 * Volunteer figures for many communities and regions alike: each statement
 * aggregates within each scope's prefix (regions from their rows of the
 * month summaries and of the organisations serving them), so five
 * statements (see `queryOverScopes`) answer any number of parents and a figure means the same at
 * every level.
 */
async function loadFigures(dataSource: DataSource, codes: readonly string[]): Promise<VolunteerFigures[]> {
  const parameters = scopeParameters(codes);
  const prefixes = parameters[1];
  const window = lastTwelveMonths();
  const [registered, active, hours, activities, organizations] = await queryOverScopes(
    dataSource,
    [
      summedOverScopes(VOLUNTEERS_BY_LAST_SERVICE, prefixes),
      summedOverScopes(VOLUNTEERS_BY_LAST_SERVICE, prefixes, window),
      summedOverScopes(CONFIRMED_HOURS, prefixes, window),
      summedOverScopes(ACTIVITIES_BY_START, prefixes, window),
      // Distinct per scope: a region counts an organisation once however many of its communities it serves.
      `SELECT served.code, o.stage, o.kind, count(*)::int AS count
       FROM (${membersOverScopes(ORGANIZATIONS_SERVING, prefixes)}) served
       JOIN volunteers.organization o ON o.id = served.member
       GROUP BY served.code, GROUPING SETS ((o.stage), (o.kind))`,
    ],
    parameters,
  );
  const byScope = (rows: ScopeRow[]) => new Map(rows.map((row) => [row.code as string, row]));
  const [registeredByCode, activeByCode, hoursByCode, activitiesByCode] = [registered, active, hours, activities].map(byScope);
  const byCode = new Map<string, VolunteerFigures>(
    codes.map((code) => [
      code,
      {
        registeredVolunteers: 0,
        activeVolunteers: 0,
        confirmedHoursLast12Months: 0,
        activitiesLast12Months: 0,
        organizationsByStage: Object.values(OrganizationStage).map((stage) => ({ stage, count: 0 })),
        organizationsByKind: Object.values(OrganizationKind).map((kind) => ({ kind, count: 0 })),
      },
    ]),
  );
  const figuresOf = (code: string) => byCode.get(code) as VolunteerFigures;
  for (const code of codes) {
    const figures = figuresOf(code);
    figures.registeredVolunteers = Number(registeredByCode.get(code)?.volunteers ?? 0);
    figures.activeVolunteers = Number(activeByCode.get(code)?.volunteers ?? 0);
    figures.confirmedHoursLast12Months = Number(hoursByCode.get(code)?.hours ?? 0);
    figures.activitiesLast12Months = Number(activitiesByCode.get(code)?.activities ?? 0);
  }
  for (const row of organizations as { code: string; stage: OrganizationStage | null; kind: OrganizationKind | null; count: number }[]) {
    const figures = figuresOf(row.code);
    if (row.stage) {
      (figures.organizationsByStage.find((entry) => entry.stage === row.stage) as { count: number }).count = row.count;
    } else if (row.kind) {
      (figures.organizationsByKind.find((entry) => entry.kind === row.kind) as { count: number }).count = row.count;
    }
  }
  return codes.map(figuresOf);
}

export function createVolunteerStatsLoaders(dataSource: DataSource) {
  return {
    /** Keyed by a community's or a region's code. */
    volunteerFigures: new DataLoader<string, VolunteerFigures>((codes) => loadFigures(dataSource, codes)),
  };
}
