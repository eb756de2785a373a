import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { codeWithinPrefix, significantPrefix } from '@shequ/kit';
import { OrganizationKind, OrganizationStage } from '../organization/organization.entity';
import type { VolunteerStats } from './volunteer-stats.type';

/** The stats without the per-resident rate, which needs governance's population and is computed in the resolver. */
export type VolunteerFigures = Omit<VolunteerStats, 'registeredVolunteersPer100Residents'>;

/** A community's 12-digit code is its own prefix; a region's is its significant prefix. */
export function scopePrefix(code: string): string {
  return code.length === 12 ? code : significantPrefix(code);
}

const SCOPE = `unnest($1::text[], $2::text[]) AS scope(code, prefix)`;
const LAST_12_MONTHS_DAYS = `s.served_on > (current_date - interval '12 months')::date AND s.served_on <= current_date`;

/**
 * Volunteer figures for many communities and regions alike: each statement
 * aggregates the rows within each scope's prefix, so four statements answer
 * any number of parents and a figure means the same at every level.
 */
async function loadFigures(dataSource: DataSource, codes: readonly string[]): Promise<VolunteerFigures[]> {
  const parameters = [codes, codes.map(scopePrefix)];
  const volunteers: { code: string; registered: number; active: number }[] = await dataSource.query(
    `SELECT scope.code,
            count(v.id) FILTER (WHERE v.status <> 'WITHDRAWN')::int AS registered,
            count(v.id) FILTER (WHERE v.status <> 'WITHDRAWN'
              AND v.last_served_on > (current_date - interval '12 months')::date AND v.last_served_on <= current_date)::int AS active
     FROM ${SCOPE}
     LEFT JOIN volunteers.volunteer v ON ${codeWithinPrefix('v.community_code', 'scope.prefix')}
     GROUP BY scope.code`,
    parameters,
  );
  const hours: { code: string; hours: number }[] = await dataSource.query(
    `SELECT scope.code, coalesce(sum(s.hours), 0)::float8 AS hours
     FROM ${SCOPE}
     LEFT JOIN volunteers.activity_signup s ON ${codeWithinPrefix('s.community_code', 'scope.prefix')}
       AND s.confirmed_at IS NOT NULL AND ${LAST_12_MONTHS_DAYS}
     GROUP BY scope.code`,
    parameters,
  );
  const activities: { code: string; activities: number }[] = await dataSource.query(
    `SELECT scope.code, count(a.id)::int AS activities
     FROM ${SCOPE}
     LEFT JOIN volunteers.activity a ON ${codeWithinPrefix('a.community_code', 'scope.prefix')}
       AND a.starts_at > now() - interval '12 months' AND a.starts_at <= now()
     GROUP BY scope.code`,
    parameters,
  );
  // Distinct per scope: a region counts an organisation once however many of its communities it serves.
  const organizations: { code: string; stage: OrganizationStage | null; kind: OrganizationKind | null; count: number }[] = await dataSource.query(
    `SELECT scope.code, o.stage, o.kind, count(DISTINCT o.id)::int AS count
     FROM ${SCOPE}
     JOIN volunteers.organization_community oc ON ${codeWithinPrefix('oc.community_code', 'scope.prefix')}
     JOIN volunteers.organization o ON o.id = oc.organization_id
     GROUP BY scope.code, GROUPING SETS ((o.stage), (o.kind))`,
    parameters,
  );
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
  for (const row of volunteers) {
    figuresOf(row.code).registeredVolunteers = row.registered;
    figuresOf(row.code).activeVolunteers = row.active;
  }
  for (const row of hours) {
    figuresOf(row.code).confirmedHoursLast12Months = row.hours;
  }
  for (const row of activities) {
    figuresOf(row.code).activitiesLast12Months = row.activities;
  }
  for (const row of organizations) {
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
