/** The roles a token may carry (DESIGN: Security). No token means anonymous. */
export const ROLES = ['resident', 'community_worker', 'department_staff', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The departments that own a subgraph; `department_staff` tokens name one. */
export const DEPARTMENTS = ['governance', 'service-delivery', 'volunteers', 'public-safety'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** Who is asking: the verified claims of the request's token. */
export interface Viewer {
  sub: string;
  roles: Role[];
  /** A division code (a region's, or a resident's community); the viewer may read and write codes within it. */
  jurisdiction: string;
  department: Department | null;
}
