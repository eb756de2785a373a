/**
 * The benchmark's operations: what the province's teams actually ask.
 * Each names the fields of every department, so each exercises the whole
 * federation path (governance → @requires population → department stats →
 * assessment).
 */
export interface BenchOperation {
  /** dashboard, rollup, community, ranking, write, or an analyst question (`analyst-…`). */
  name: string;
  query: string;
  /** Variables for the n-th request (the write operation needs fresh idempotency keys). */
  variables: (n: number) => Record<string, unknown>;
  mutation?: boolean;
}

const SERVICE = 'serviceStats { facilityCount welfareFacilities welfareFacilitiesPer1000Residents openRequests requestsLast12Months resolvedWithin15DaysRate medianDaysToResolve averageSatisfaction investmentThisYear }';
const VOLUNTEER = 'volunteerStats { registeredVolunteers activeVolunteers registeredVolunteersPer100Residents confirmedHoursLast12Months activitiesLast12Months }';
const SAFETY = 'safetyStats { incidentsLast12Months incidentsPer1000Residents mediationCasesLast12Months mediationAgreementRate medianDaysToCloseMediation patrolsLastMonth openHazards policeLiaisonCoverage communitiesWithoutPoliceLiaison supervisedPersons }';
export const ALL_STATS = `${SERVICE} ${VOLUNTEER} ${SAFETY}`;

/** The idempotency keys of the service requests the write operation submits: the bench removes them again (`removeBenchWrites`). */
export const BENCH_WRITE_KEY_PREFIX = 'bench-';

export function operations(prefectureCode: string, communityCode: string, runId: string): BenchOperation[] {
  return [
    {
      name: 'dashboard',
      query: `query Dashboard($code: String!, $first: Int! = 50) { region(code: $code) { name communities(first: $first) { totalCount edges { node {
        code name population households tier ${ALL_STATS} assessment { score missingComponents components { name score } } } } } } }`,
      variables: () => ({ code: prefectureCode }),
    },
    {
      name: 'rollup',
      query: `query Rollup { region(code: "620000") { name population ${ALL_STATS} children { code name population ${ALL_STATS} } } }`,
      variables: () => ({}),
    },
    {
      name: 'community',
      query: `query Community($code: String!) { community(code: $code) { code name population tier region { name parent { name } }
        capacity { officeSpaceM2 staff } practicalProjects { title status }
        serviceFacilities { id kind name capacity }
        serviceRequests(first: 20) { totalCount edges { node { id status submittedAt } } }
        volunteers(first: 20) { totalCount edges { node { id name status } } }
        volunteerActivities(first: 20) { totalCount edges { node { id title } } }
        organizations(first: 20) { totalCount edges { node { id name stage } } }
        safetyIncidents(first: 20) { totalCount edges { node { id category occurredAt } } }
        mediationCases(first: 20) { totalCount edges { node { id category outcome } } }
        inspections(first: 20) { totalCount edges { node { id targetKind hazardsFound } } }
        policeLiaison { officerName station }
        ${ALL_STATS} } }`,
      variables: () => ({ code: communityCode }),
    },
    {
      name: 'ranking',
      query: `query Ranking($code: String!) {
        service: rankCommunitiesByService(metric: OPEN_REQUESTS, regionCode: $code, first: 20) { value community { code name } }
        volunteering: rankCommunitiesByVolunteering(metric: CONFIRMED_HOURS_LAST_12_MONTHS, regionCode: $code, first: 20) { value community { code name } }
        safety: rankCommunitiesBySafety(metric: INCIDENTS_LAST_12_MONTHS, regionCode: $code, first: 20) { value community { code name } } }`,
      variables: () => ({ code: prefectureCode }),
    },
    {
      name: 'write',
      mutation: true,
      query: `mutation Submit($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) { id status } }`,
      variables: (n) => ({ input: { communityCode, serviceCode: 'ELDER_MEAL', description: 'bench request', channel: 'APP', idempotencyKey: `${BENCH_WRITE_KEY_PREFIX}${runId}-${n}` } }),
    },
  ];
}
