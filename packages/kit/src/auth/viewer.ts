import { DEPARTMENTS, type DepartmentName } from '@shequ/schema';

/** The roles a token may carry (DESIGN: Security). No token means anonymous. */
export const ROLES = ['resident', 'community_worker', 'department_staff', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The departments that own a subgraph (the subgraph list's); `department_staff` tokens name one. */
export { DEPARTMENTS };
export type Department = DepartmentName;

/** Who is asking: the verified claims of the request's token. */
export interface Viewer {
  sub: string;
  roles: Role[];
  /** A division code (a region's, or a resident's community); the viewer may read and write codes within it. */
  jurisdiction: string;
  department: Department | null;
}

/**
 * Platform services that read other subgraphs themselves (a request signed
 * with the subgraph signing key, see `serviceRequestHeaders`), and who each
 * is when it does: the statistics store reads the department feeds as a
 * province-wide analyst, as a token of the same claims would.
 */
const SERVICE_VIEWERS: Record<string, Omit<Viewer, 'sub'>> = {
  statistics: { roles: ['analyst'], jurisdiction: '620000', department: null },
};

/** The viewer a verified service request acts as; null for a name that is no platform service. */
export function serviceViewer(service: string): Viewer | null {
  const claims = Object.hasOwn(SERVICE_VIEWERS, service) ? SERVICE_VIEWERS[service] : undefined;
  return claims ? { sub: `service:${service}`, ...claims, roles: [...claims.roles] } : null;
}
