import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { codeWithinPrefix, significantPrefix } from '@shequ/kit';
import { SafetyStats } from './safety-stats.type';

/** The figures this subgraph aggregates from its own rows; rates come later from the @required population. */
export interface SafetyAggregate {
  incidentsLast12Months: number;
  mediationCasesLast12Months: number;
  mediationClosedLast12Months: number;
  mediationAgreementsLast12Months: number;
  medianDaysToCloseMediation: number | null;
  patrolsLastMonth: number;
  jointPatrolsLastMonth: number;
  patrolHoursLastMonth: number;
  openHazards: number;
  legalServicePeopleReachedLast12Months: number;
  communitiesWithPoliceLiaison: number;
  supervisedPersons: number;
}

const EMPTY: SafetyAggregate = {
  incidentsLast12Months: 0,
  mediationCasesLast12Months: 0,
  mediationClosedLast12Months: 0,
  mediationAgreementsLast12Months: 0,
  medianDaysToCloseMediation: null,
  patrolsLastMonth: 0,
  jointPatrolsLastMonth: 0,
  patrolHoursLastMonth: 0,
  openHazards: 0,
  legalServicePeopleReachedLast12Months: 0,
  communitiesWithPoliceLiaison: 0,
  supervisedPersons: 0,
};

/** A community's 12-digit code is its own prefix; a region's is its significant prefix. */
export function scopePrefix(code: string): string {
  return code.length === 12 ? code : significantPrefix(code);
}

const YEAR_AGO = `(current_date - interval '12 months')::date`;
const MONTH_AGO = `current_date - 29`;

/** One aggregate statement per table: each joins every scope of the batch to its prefix-matched rows. */
const STATEMENTS: { sql: (within: (column: string) => string) => string; read: (row: Record<string, string | null>) => Partial<SafetyAggregate> }[] = [
  {
    sql: (within) => `SELECT scope.code, count(i.id) AS incidents
      FROM unnest($1::text[], $2::text[]) AS scope(code, prefix)
      LEFT JOIN public_safety.safety_incident i ON ${within('i.community_code')} AND i.occurred_at >= now() - interval '12 months'
      GROUP BY scope.code`,
    read: (row) => ({ incidentsLast12Months: Number(row.incidents) }),
  },
  {
    sql: (within) => `SELECT scope.code,
        count(m.id) FILTER (WHERE m.received_on >= ${YEAR_AGO}) AS received,
        count(m.id) FILTER (WHERE m.closed_on >= ${YEAR_AGO}) AS closed,
        count(m.id) FILTER (WHERE m.closed_on >= ${YEAR_AGO} AND m.outcome = 'AGREEMENT_REACHED') AS agreed,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY m.days_to_close) FILTER (WHERE m.closed_on >= ${YEAR_AGO}) AS median_days
      FROM unnest($1::text[], $2::text[]) AS scope(code, prefix)
      LEFT JOIN public_safety.mediation_case m ON ${within('m.community_code')} AND (m.received_on >= ${YEAR_AGO} OR m.closed_on >= ${YEAR_AGO})
      GROUP BY scope.code`,
    read: (row) => ({
      mediationCasesLast12Months: Number(row.received),
      mediationClosedLast12Months: Number(row.closed),
      mediationAgreementsLast12Months: Number(row.agreed),
      medianDaysToCloseMediation: row.median_days === null ? null : Number(row.median_days),
    }),
  },
  {
    sql: (within) => `SELECT scope.code, count(p.id) AS patrols, count(p.id) FILTER (WHERE p.joint_with_police) AS joint, coalesce(sum(p.hours), 0) AS hours
      FROM unnest($1::text[], $2::text[]) AS scope(code, prefix)
      LEFT JOIN public_safety.patrol p ON ${within('p.community_code')} AND p.patrolled_on >= ${MONTH_AGO}
      GROUP BY scope.code`,
    read: (row) => ({ patrolsLastMonth: Number(row.patrols), jointPatrolsLastMonth: Number(row.joint), patrolHoursLastMonth: Number(row.hours) }),
  },
  {
    sql: (within) => `SELECT scope.code, count(h.id) AS open_hazards
      FROM unnest($1::text[], $2::text[]) AS scope(code, prefix)
      LEFT JOIN public_safety.inspection_hazard h ON ${within('h.community_code')} AND h.fixed_on IS NULL
      GROUP BY scope.code`,
    read: (row) => ({ openHazards: Number(row.open_hazards) }),
  },
  {
    sql: (within) => `SELECT scope.code, coalesce(sum(s.people_reached), 0) AS reached
      FROM unnest($1::text[], $2::text[]) AS scope(code, prefix)
      LEFT JOIN public_safety.legal_service s ON ${within('s.community_code')} AND s.held_on >= ${YEAR_AGO}
      GROUP BY scope.code`,
    read: (row) => ({ legalServicePeopleReachedLast12Months: Number(row.reached) }),
  },
  {
    sql: (within) => `SELECT scope.code, count(DISTINCT l.community_code) AS covered
      FROM unnest($1::text[], $2::text[]) AS scope(code, prefix)
      LEFT JOIN public_safety.police_liaison l ON ${within('l.community_code')} AND l.until IS NULL
      GROUP BY scope.code`,
    read: (row) => ({ communitiesWithPoliceLiaison: Number(row.covered) }),
  },
  {
    sql: (within) => `SELECT scope.code, count(sp.id) AS supervised
      FROM unnest($1::text[], $2::text[]) AS scope(code, prefix)
      LEFT JOIN public_safety.supervised_person sp ON ${within('sp.community_code')}
        AND sp.supervised_from <= current_date AND (sp.supervised_until IS NULL OR sp.supervised_until >= current_date)
      GROUP BY scope.code`,
    read: (row) => ({ supervisedPersons: Number(row.supervised) }),
  },
];

/**
 * The aggregates for many scopes (community or region codes) at once: a
 * fixed number of statements per batch, however many scopes it holds.
 */
export async function loadSafetyAggregates(dataSource: DataSource, codes: readonly string[]): Promise<SafetyAggregate[]> {
  const unique = [...new Set(codes)];
  const parameters = [unique, unique.map(scopePrefix)];
  const byCode = new Map<string, SafetyAggregate>(unique.map((code) => [code, { ...EMPTY }]));
  const within = (column: string) => codeWithinPrefix(column, 'scope.prefix');
  await Promise.all(
    STATEMENTS.map(async (statement) => {
      const rows: Record<string, string | null>[] = await dataSource.query(statement.sql(within), parameters);
      for (const row of rows) {
        Object.assign(byCode.get(row.code as string) as SafetyAggregate, statement.read(row));
      }
    }),
  );
  return codes.map((code) => byCode.get(code) as SafetyAggregate);
}

export function createSafetyStatsLoader(dataSource: DataSource): DataLoader<string, SafetyAggregate> {
  return new DataLoader<string, SafetyAggregate>((codes) => loadSafetyAggregates(dataSource, codes));
}

function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * The published figures from an aggregate and governance's numbers for the
 * scope: a community counts as one community.
 */
export function toSafetyStats(aggregate: SafetyAggregate, population: number, communityCount: number): SafetyStats {
  const covered = Math.min(aggregate.communitiesWithPoliceLiaison, communityCount);
  return {
    incidentsLast12Months: aggregate.incidentsLast12Months,
    incidentsPer1000Residents: population > 0 ? round((aggregate.incidentsLast12Months * 1000) / population) : null,
    mediationCasesLast12Months: aggregate.mediationCasesLast12Months,
    mediationAgreementRate: aggregate.mediationClosedLast12Months > 0 ? round(aggregate.mediationAgreementsLast12Months / aggregate.mediationClosedLast12Months) : null,
    medianDaysToCloseMediation: aggregate.medianDaysToCloseMediation,
    patrolsLastMonth: aggregate.patrolsLastMonth,
    jointPatrolsLastMonth: aggregate.jointPatrolsLastMonth,
    patrolHoursLastMonth: aggregate.patrolHoursLastMonth,
    openHazards: aggregate.openHazards,
    legalServicePeopleReachedLast12Months: aggregate.legalServicePeopleReachedLast12Months,
    policeLiaisonCoverage: communityCount > 0 ? round(covered / communityCount) : 0,
    communitiesWithoutPoliceLiaison: Math.max(communityCount - covered, 0),
    supervisedPersons: aggregate.supervisedPersons,
  };
}
