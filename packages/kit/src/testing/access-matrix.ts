import { refusal, type AccessPolicy } from '../auth/access-policy';
import type { Department, Role, Viewer } from '../auth/viewer';
import { testToken } from './test-subgraph';

/** A caller of the matrix: who they are, and the token that says so (none for anonymous). */
export interface MatrixViewer {
  label: string;
  viewer: Viewer | null;
  token?: string;
}

/** One operation of a subgraph's policy, as a request against a fixture record whose community or region is `targetCode`. */
export interface MatrixCase {
  subgraph: string;
  policy: AccessPolicy;
  operation: string;
  targetCode: string;
  query: string;
  variables?: Record<string, unknown>;
}

function viewer(label: string, roles: Role[], jurisdiction: string, department: Department | null = null): MatrixViewer {
  const claims: Viewer = { sub: `matrix-${label.replace(/\W+/g, '-')}`, roles, jurisdiction, department };
  return { label, viewer: claims, token: testToken({ ...claims, department: department ?? undefined }) };
}

/**
 * Every role, inside and outside the jurisdiction of the fixture community
 * 620102001001 (county 620102, prefecture 620100); outside means Jiayuguan
 * (620200). Department staff come once per department.
 */
export function matrixViewers(): MatrixViewer[] {
  const departments: Department[] = ['governance', 'service-delivery', 'volunteers', 'public-safety'];
  return [
    { label: 'anonymous', viewer: null },
    viewer('resident inside', ['resident'], '620102001001'),
    viewer('resident outside', ['resident'], '620201001001'),
    viewer('community worker inside', ['community_worker'], '620102'),
    viewer('community worker outside', ['community_worker'], '620201'),
    ...departments.flatMap((department) => [
      viewer(`${department} staff inside`, ['department_staff'], '620100', department),
      viewer(`${department} staff outside`, ['department_staff'], '620200', department),
    ]),
    viewer('analyst inside', ['analyst'], '620000'),
    viewer('analyst outside', ['analyst'], '620200'),
    viewer('admin inside', ['admin'], '620000'),
    viewer('admin outside', ['admin'], '620200'),
  ];
}

/** What the policy says should happen: allowed, or the refusal's code. */
export function expectedOutcome(matrixCase: MatrixCase, caller: MatrixViewer): 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED' {
  return refusal(matrixCase.policy, matrixCase.operation, caller.viewer, matrixCase.targetCode)?.code ?? 'allowed';
}

/**
 * What the graph did: a refusal's code, or allowed when no error says
 * UNAUTHENTICATED or FORBIDDEN (an allowed caller may still meet a
 * BAD_USER_INPUT or CONFLICT when an earlier caller already moved the record).
 */
export function actualOutcome(errors: { extensions?: Record<string, unknown> }[] | undefined): 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED' {
  const codes = (errors ?? []).map((error) => error.extensions?.code);
  if (codes.includes('UNAUTHENTICATED')) {
    return 'UNAUTHENTICATED';
  }
  return codes.includes('FORBIDDEN') ? 'FORBIDDEN' : 'allowed';
}
