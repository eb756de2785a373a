/**
 * What the graph is made of: every subgraph, its default port, the variable
 * that overrides its URL at the gateway, and where its emitted SDL lives.
 * Composition, the gateway, the platform launcher and each service read
 * this list; a department adds its subgraph here.
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
}

export const GATEWAY_PORT = 4000;

export const SUBGRAPHS: readonly SubgraphEntry[] = [
  {
    name: 'governance',
    directory: 'services/governance',
    port: 4001,
    urlVariable: 'GOVERNANCE_URL',
    databaseUrlVariable: 'GOVERNANCE_DATABASE_URL',
  },
  {
    name: 'service-delivery',
    directory: 'services/service-delivery',
    port: 4002,
    urlVariable: 'SERVICE_DELIVERY_URL',
    databaseUrlVariable: 'SERVICE_DELIVERY_DATABASE_URL',
  },
  {
    name: 'volunteers',
    directory: 'services/volunteers',
    port: 4003,
    urlVariable: 'VOLUNTEERS_URL',
    databaseUrlVariable: 'VOLUNTEERS_DATABASE_URL',
  },
  {
    name: 'public-safety',
    directory: 'services/public-safety',
    port: 4004,
    urlVariable: 'PUBLIC_SAFETY_URL',
    databaseUrlVariable: 'PUBLIC_SAFETY_DATABASE_URL',
  },
  {
    name: 'statistics',
    directory: 'services/statistics',
    port: 4005,
    urlVariable: 'STATISTICS_URL',
    databaseUrlVariable: 'STATISTICS_DATABASE_URL',
  },
];

export function subgraphEntry(name: string): SubgraphEntry {
  const entry = SUBGRAPHS.find((candidate) => candidate.name === name);
  if (!entry) {
    throw new Error(`no subgraph named ${name} in @shequ/schema`);
  }
  return entry;
}

/** Where the subgraph answers when run locally with its default port; the URL written into the supergraph. */
export function defaultRoutingUrl(entry: SubgraphEntry): string {
  return `http://localhost:${entry.port}/graphql`;
}
