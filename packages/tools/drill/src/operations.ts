/**
 * What the drill's callers send: a dashboard that crosses every department
 * on one region, a read that only governance answers, and a resident's
 * service request. Each read knows what a full answer looks like.
 */
export type ReadKind = 'dashboard' | 'one-department';
/** `probe`: a read the drill sends on its own, outside the load (held in flight while a process is stopped). */
export type CallKind = ReadKind | 'write' | 'probe';

export interface ReadOperation {
  kind: ReadKind;
  query: string;
  variables: Record<string, unknown>;
  /** True when the data holds everything asked for; errors are judged apart. */
  isComplete(data: Record<string, unknown> | null | undefined): boolean;
}

type Region = Record<string, unknown> | null | undefined;

export function readOperations(prefectureCode: string): ReadOperation[] {
  return [
    {
      kind: 'dashboard',
      query: `query DrillDashboard($code: String!) { region(code: $code) { code name population
        serviceStats { openRequests resolvedWithin15DaysRate }
        volunteerStats { registeredVolunteers activeVolunteers }
        safetyStats { incidentsLast12Months policeLiaisonCoverage } } }`,
      variables: { code: prefectureCode },
      isComplete: (data) => {
        const region = data?.region as Region;
        return !!region && !!region.name && !!region.serviceStats && !!region.volunteerStats && !!region.safetyStats;
      },
    },
    {
      kind: 'one-department',
      query: `query DrillRegion($code: String!) { region(code: $code) { code name population children { code name } } }`,
      variables: { code: prefectureCode },
      isComplete: (data) => {
        const region = data?.region as Region;
        return !!region && !!region.name && Array.isArray(region.children) && region.children.length > 0;
      },
    },
  ];
}

/** A read that needs `process` to answer: governance's own for it and for the gateway, the statistics store's, or a department's figures on the dashboard. */
export function probeOperation(process: string, prefectureCode: string): ReadOperation {
  const [dashboard, oneDepartment] = readOperations(prefectureCode);
  if (process === 'governance' || process === 'gateway') {
    return oneDepartment;
  }
  if (process === 'statistics') {
    return {
      kind: 'one-department',
      query: `query DrillStore { statisticsStatus { refreshing asOf } }`,
      variables: {},
      isComplete: (data) => typeof (data?.statisticsStatus as { refreshing?: unknown } | null | undefined)?.refreshing === 'boolean',
    };
  }
  return dashboard;
}

export const SUBMIT_SERVICE_REQUEST = `mutation DrillSubmit($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) { id status } }`;

/** The same submission every time a key is sent: a retry must be recognised as the first request, not a conflicting one. */
export function submissionVariables(communityCode: string, idempotencyKey: string): Record<string, unknown> {
  return { input: { communityCode, serviceCode: 'ELDER_MEAL', description: `fault drill request ${idempotencyKey}`, channel: 'APP', idempotencyKey } };
}
