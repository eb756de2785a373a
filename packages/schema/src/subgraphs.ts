/**
 * What the graph is made of: every subgraph, its default port, the variable
 * that overrides its URL at the gateway, and where its emitted SDL lives.
 * Composition, the gateway, the platform launcher, the kit (ports, database
 * variables, the departments tokens may name), the seed and the end-to-end
 * tests read this list; a department adds its subgraph here, in one entry.
 */
export interface SubgraphEntry {
  name: string;
  /** Folder of the service, from the repository root. */
  directory: string;
  port: number;
  /** The gateway reads the subgraph's URL from this variable when set. */
  urlVariable: string;
  /** The subgraph reads its own database URL from this variable when set, else DATABASE_URL. */
  databaseUrlVariable: string;
  /** A department's subgraph: `department_staff` tokens may name it, and its fixtures, access rules and seed join the platform's. */
  department: boolean;
}

export const GATEWAY_PORT = 4000;

export const SUBGRAPHS = [
  {
    name: 'governance',
    directory: 'services/governance',
    port: 4001,
    urlVariable: 'GOVERNANCE_URL',
    databaseUrlVariable: 'GOVERNANCE_DATABASE_URL',
    department: true,
  },
  {
    name: 'service-delivery',
    directory: 'services/service-delivery',
    port: 4002,
    urlVariable: 'SERVICE_DELIVERY_URL',
    databaseUrlVariable: 'SERVICE_DELIVERY_DATABASE_URL',
    department: true,
  },
  {
    name: 'volunteers',
    directory: 'services/volunteers',
    port: 4003,
    urlVariable: 'VOLUNTEERS_URL',
    databaseUrlVariable: 'VOLUNTEERS_DATABASE_URL',
    department: true,
  },
  {
    name: 'public-safety',
    directory: 'services/public-safety',
    port: 4004,
    urlVariable: 'PUBLIC_SAFETY_URL',
    databaseUrlVariable: 'PUBLIC_SAFETY_DATABASE_URL',
    department: true,
  },
  {
    name: 'statistics',
    directory: 'services/statistics',
    port: 4005,
    urlVariable: 'STATISTICS_URL',
    databaseUrlVariable: 'STATISTICS_DATABASE_URL',
    department: false,
  },
] as const satisfies readonly SubgraphEntry[];

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
export type DepartmentName = Extract<(typeof SUBGRAPHS)[number], { department: true }>['name'];

/** The departments, in the list's order: what a `department_staff` token may name. */
export const DEPARTMENTS = SUBGRAPHS.flatMap((entry) => (entry.department ? [entry.name] : [])) as [DepartmentName, ...DepartmentName[]];

export function subgraphEntry(name: string): SubgraphEntry {
  const entry = SUBGRAPHS.find((candidate) => candidate.name === name);
  if (!entry) {
    throw new Error(`no subgraph named ${name} in @shequ/schema`);
  }
  return entry;
}

/** The PostgreSQL schema that holds a subgraph's tables: its name with "_" for "-" (public_safety). */
export function databaseSchemaOf(name: string): string {
  return name.replaceAll('-', '_');
}

/** Where the subgraph answers when run locally with its default port; the URL written into the supergraph. */
export function defaultRoutingUrl(entry: SubgraphEntry): string {
  return `http://localhost:${entry.port}/graphql`;
}
