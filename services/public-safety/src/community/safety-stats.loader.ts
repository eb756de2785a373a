import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { chinaToday, lastThirtyDays, lastTwelveMonths, medianOverScopes, membersOverScopes, perThousand, queryOverScopes, ratio, scopeParameters, SCOPES, sqlDate, summedOverScopes, withinScope, type ScopeRow } from '@shequ/kit';
import { COMMUNITIES_WITH_LIAISON, INCIDENTS_BY_OCCURRENCE, LEGAL_SERVICE_REACH, MEDIATION_CLOSING_DAYS, MEDIATIONS_BY_CLOSING, MEDIATIONS_BY_RECEIPT, OPEN_HAZARDS, PATROLS_BY_DAY } from './safety-summaries';
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

/** A date column within a window of China days (the kit's; read from its clock when the statement is built). */
export function onDaysOf(column: string, window: { first: string; last: string }): string {
  return `${column} BETWEEN ${sqlDate(window.first)} AND ${sqlDate(window.last)}`;
}

/**
 * One aggregate statement per figure group: each sums the month summaries,
 * or joins every scope of the batch to its prefix-matched rows.
 */
const STATEMENTS: { sql: (prefixes: readonly string[]) => string; read: (row: ScopeRow) => Partial<SafetyAggregate> }[] = [
  {
    sql: (prefixes) => summedOverScopes(INCIDENTS_BY_OCCURRENCE, prefixes, lastTwelveMonths()),
    read: (row) => ({ incidentsLast12Months: Number(row.incidents) }),
  },
  {
    sql: (prefixes) => summedOverScopes(MEDIATIONS_BY_RECEIPT, prefixes, lastTwelveMonths()),
    read: (row) => ({ mediationCasesLast12Months: Number(row.received) }),
  },
  {
    sql: (prefixes) => summedOverScopes(MEDIATIONS_BY_CLOSING, prefixes, lastTwelveMonths()),
    read: (row) => ({ mediationClosedLast12Months: Number(row.closed), mediationAgreementsLast12Months: Number(row.agreed) }),
  },
  {
    // A median does not add up from months: regions read their histograms of days to close, communities their own cases.
    sql: (prefixes) => medianOverScopes(MEDIATION_CLOSING_DAYS, prefixes, lastTwelveMonths()),
    read: (row) => ({ medianDaysToCloseMediation: row.median === null ? null : Number(row.median) }),
  },
  {
    sql: (prefixes) => summedOverScopes(PATROLS_BY_DAY, prefixes, lastThirtyDays()),
    read: (row) => ({ patrolsLastMonth: Number(row.patrols), jointPatrolsLastMonth: Number(row.joint), patrolHoursLastMonth: Number(row.hours) }),
  },
  {
    sql: (prefixes) => summedOverScopes(OPEN_HAZARDS, prefixes),
    read: (row) => ({ openHazards: Number(row.open_hazards) }),
  },
  {
    sql: (prefixes) => summedOverScopes(LEGAL_SERVICE_REACH, prefixes, lastTwelveMonths()),
    read: (row) => ({ legalServicePeopleReachedLast12Months: Number(row.reached) }),
  },
  {
    sql: (prefixes) => `SELECT code, count(*) AS covered FROM (${membersOverScopes(COMMUNITIES_WITH_LIAISON, prefixes)}) covered GROUP BY code`,
    read: (row) => ({ communitiesWithPoliceLiaison: Number(row.covered) }),
  },
  {
    sql: () => `SELECT scope.code, count(sp.id) AS supervised
      FROM ${SCOPES}
      LEFT JOIN public_safety.supervised_person sp ON ${withinScope('sp.community_code')}
        AND sp.supervised_from <= ${sqlDate(chinaToday())} AND (sp.supervised_until IS NULL OR sp.supervised_until >= ${sqlDate(chinaToday())})
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
  const parameters = scopeParameters(unique);
  const byCode = new Map<string, SafetyAggregate>(unique.map((code) => [code, { ...EMPTY }]));
  const rows = await queryOverScopes(
    dataSource,
    STATEMENTS.map((statement) => statement.sql(parameters[1])),
    parameters,
  );
  STATEMENTS.forEach((statement, index) => {
    for (const row of rows[index]) {
      Object.assign(byCode.get(row.code as string) as SafetyAggregate, statement.read(row));
    }
  });
  return codes.map((code) => byCode.get(code) as SafetyAggregate);
}

export function createSafetyStatsLoader(dataSource: DataSource): DataLoader<string, SafetyAggregate> {
  return new DataLoader<string, SafetyAggregate>((codes) => loadSafetyAggregates(dataSource, codes));
}

/**
 * The published figures from an aggregate and governance's numbers for the
 * scope: a community counts as one community.
 */
export function toSafetyStats(aggregate: SafetyAggregate, population: number, communityCount: number): SafetyStats {
  const covered = Math.min(aggregate.communitiesWithPoliceLiaison, communityCount);
  return {
    incidentsLast12Months: aggregate.incidentsLast12Months,
    incidentsPer1000Residents: perThousand(aggregate.incidentsLast12Months, population),
    mediationCasesLast12Months: aggregate.mediationCasesLast12Months,
    mediationAgreementRate: ratio(aggregate.mediationAgreementsLast12Months, aggregate.mediationClosedLast12Months),
    medianDaysToCloseMediation: aggregate.medianDaysToCloseMediation,
    patrolsLastMonth: aggregate.patrolsLastMonth,
    jointPatrolsLastMonth: aggregate.jointPatrolsLastMonth,
    patrolHoursLastMonth: aggregate.patrolHoursLastMonth,
    openHazards: aggregate.openHazards,
    legalServicePeopleReachedLast12Months: aggregate.legalServicePeopleReachedLast12Months,
    policeLiaisonCoverage: ratio(covered, communityCount) ?? 0,
    communitiesWithoutPoliceLiaison: Math.max(communityCount - covered, 0),
    supervisedPersons: aggregate.supervisedPersons,
  };
}
