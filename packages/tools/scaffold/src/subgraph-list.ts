import { ScaffoldError } from './scaffold-error';
import type { SubgraphNames } from './subgraph-names';

/** The subgraph list, from the repository root: the one file a department edits outside its folder. */
export const SUBGRAPH_LIST_PATH = 'packages/schema/src/subgraphs.ts';

/** Where the list ends: a new entry goes just before it, last, as a department appends itself. */
const LIST_START = 'export const SUBGRAPHS = [';
const LIST_END = '] as const satisfies';

export const LOWEST_PORT = 1024;
export const HIGHEST_PORT = 65535;

/**
 * Variables the platform reads for itself. A subgraph's own variables are
 * `<NAME>_URL` and `<NAME>_DATABASE_URL`, so a subgraph called `database`
 * or `test` would take them over.
 */
const PLATFORM_VARIABLES = ['DATABASE_URL', 'TEST_DATABASE_URL', 'REDIS_URL', 'TEST_REDIS_URL', 'JWT_JWKS_URL'];

export interface ListedSubgraph {
  name: string;
  port: number;
  urlVariable: string;
  databaseUrlVariable: string;
}

export interface SubgraphList {
  entries: ListedSubgraph[];
  /** The gateway's port, declared beside the list; subgraphs keep off it too. */
  gatewayPort: number | null;
}

function field(entry: string, key: string): string | undefined {
  return new RegExp(`\\b${key}: (?:'([^']*)'|(\\d+))`).exec(entry)?.slice(1).find((value) => value !== undefined);
}

/**
 * Reads the list's entries from its source text: the scaffold edits the
 * text of the repository it runs in, so it reads that text too rather
 * than the list built into some package.
 */
export function readSubgraphList(source: string): SubgraphList {
  const start = source.indexOf(LIST_START);
  const end = source.indexOf(LIST_END);
  if (start < 0 || end < start || source[end - 1] !== '\n' || source.indexOf(LIST_END, end + 1) >= 0) {
    throw new ScaffoldError('UNREADABLE_LIST', `${SUBGRAPH_LIST_PATH} should hold one "${LIST_START}" ending with one "${LIST_END}" at the start of a line`);
  }
  const blocks = [...source.slice(start + LIST_START.length, end).matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]);
  const entries = blocks.map((block) => {
    const [name, port, urlVariable, databaseUrlVariable] = ['name', 'port', 'urlVariable', 'databaseUrlVariable'].map((key) => field(block, key));
    if (name === undefined || port === undefined || urlVariable === undefined || databaseUrlVariable === undefined) {
      throw new ScaffoldError('UNREADABLE_LIST', `an entry of ${SUBGRAPH_LIST_PATH} lacks its name, port or variables: {${block}}`);
    }
    return { name, port: Number(port), urlVariable, databaseUrlVariable };
  });
  if (entries.length === 0) {
    throw new ScaffoldError('UNREADABLE_LIST', `found no entry in ${SUBGRAPH_LIST_PATH}`);
  }
  const gateway = /\bexport const GATEWAY_PORT = (\d+);/.exec(source);
  return { entries, gatewayPort: gateway ? Number(gateway[1]) : null };
}

/** The port after the highest one the list (or the gateway) takes: where the next subgraph would usually go. */
export function nextFreePort(list: SubgraphList): number {
  return Math.max(...list.entries.map((entry) => entry.port), list.gatewayPort ?? 0) + 1;
}

function freeHint(list: SubgraphList): string {
  return `${nextFreePort(list)} is free: the port after the highest listed`;
}

/** Reads `--port`'s value: a whole number from 1024 to 65535 (lower ports need root). */
export function readPort(value: string | undefined, list?: SubgraphList): number {
  const hint = list ? ` (${freeHint(list)})` : '';
  if (value === undefined) {
    throw new ScaffoldError('BAD_PORT', `--port is required: the port the subgraph listens on${hint}`);
  }
  const port = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(port) || port < LOWEST_PORT || port > HIGHEST_PORT) {
    throw new ScaffoldError('BAD_PORT', `--port ${value}: a port is a whole number from ${LOWEST_PORT} to ${HIGHEST_PORT}${hint}`);
  }
  return port;
}

/** Refuses a name, a variable or a port that the list, the gateway or the platform already uses. */
export function assertNotListed(list: SubgraphList, names: SubgraphNames, port: number): void {
  const sameName = list.entries.find((entry) => entry.name === names.name);
  if (sameName) {
    throw new ScaffoldError('NAME_TAKEN', `the subgraph list already has a subgraph named ${names.name} (port ${sameName.port})`);
  }
  const listedVariables = list.entries.flatMap((entry) => [
    [entry.urlVariable, `${entry.name}'s`],
    [entry.databaseUrlVariable, `${entry.name}'s`],
  ]);
  const taken = new Map([...listedVariables, ...PLATFORM_VARIABLES.map((variable) => [variable, "the platform's own"])] as [string, string][]);
  for (const variable of [names.urlVariable, names.databaseUrlVariable]) {
    const owner = taken.get(variable);
    if (owner) {
      throw new ScaffoldError('NAME_TAKEN', `${names.name} would read its settings from ${variable}, already ${owner} variable: choose another name`);
    }
  }
  const samePort = list.entries.find((entry) => entry.port === port);
  if (samePort) {
    throw new ScaffoldError('PORT_TAKEN', `port ${port} is already taken by ${samePort.name} in the subgraph list (${freeHint(list)})`);
  }
  if (port === list.gatewayPort) {
    throw new ScaffoldError('PORT_TAKEN', `port ${port} is the gateway's (${freeHint(list)})`);
  }
}

/** The list's entry for the new subgraph: a department, on its port, with variables named after it. */
export function subgraphEntry(names: SubgraphNames, port: number): string {
  return [
    '  {',
    `    name: '${names.name}',`,
    `    directory: '${names.directory}',`,
    `    port: ${port},`,
    `    urlVariable: '${names.urlVariable}',`,
    `    databaseUrlVariable: '${names.databaseUrlVariable}',`,
    '    department: true,',
    '  },',
    '',
  ].join('\n');
}

/** The list's source with the new subgraph's entry last; refuses what `assertNotListed` refuses. */
export function withSubgraphEntry(source: string, names: SubgraphNames, port: number): string {
  assertNotListed(readSubgraphList(source), names, port);
  const end = source.indexOf(LIST_END);
  return `${source.slice(0, end)}${subgraphEntry(names, port)}${source.slice(end)}`;
}
