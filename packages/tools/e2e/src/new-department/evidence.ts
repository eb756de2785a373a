import { readFileSync } from 'node:fs';
import type { Change } from './repository-copy';

/** The enum value the supergraph gives a subgraph (`join__Graph`), e.g. PUBLIC_SAFETY for public-safety. */
export function graphValueOf(supergraph: string, subgraph: string): string | null {
  const escaped = subgraph.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s+(\\w+) @join__graph\\(name: "${escaped}"`, 'm').exec(supergraph)?.[1] ?? null;
}

/** A type's directives (between its name and its opening brace) and its field lines, from the printed supergraph. */
function typeOf(supergraph: string, typeName: string): { header: string; fields: string[] } | null {
  const start = new RegExp(`^type ${typeName}\\b`, 'm').exec(supergraph);
  if (!start) {
    return null;
  }
  const open = supergraph.indexOf('{', start.index);
  const close = supergraph.indexOf('\n}', open);
  return { header: supergraph.slice(start.index, open), fields: supergraph.slice(open + 1, close).split('\n') };
}

/**
 * Why `typeName.fieldName` of the supergraph is not served by `subgraph`
 * (and, for an entity, why the subgraph does not join it by its key), or
 * null when it is.
 */
export function notJoined(supergraph: string, typeName: string, fieldName: string, subgraph: string, key?: string): string | null {
  const graph = graphValueOf(supergraph, subgraph);
  if (!graph) {
    return `the supergraph lists no subgraph named ${subgraph}`;
  }
  const type = typeOf(supergraph, typeName);
  if (!type) {
    return `the supergraph has no type ${typeName}`;
  }
  if (key !== undefined && !type.header.includes(`@join__type(graph: ${graph}, key: "${key}")`)) {
    return `${subgraph} does not join ${typeName} by its key "${key}"`;
  }
  const start = type.fields.findIndex((line) => new RegExp(`^ {2}${fieldName}\\b[(:]`).test(line));
  if (start < 0) {
    return `the supergraph has no field ${typeName}.${fieldName}`;
  }
  // A field whose arguments carry descriptions is printed over several lines, its directives after the closing parenthesis.
  let end = start + 1;
  while (end < type.fields.length && /^( {4}| {2}\))/.test(type.fields[end])) {
    end += 1;
  }
  const field = type.fields.slice(start, end).join(' ').replace(/\s+/g, ' ');
  if (!new RegExp(`@join__field\\(graph: ${graph}\\b`).test(field)) {
    return `${typeName}.${fieldName} is not resolved by ${subgraph}: ${field.trim()}`;
  }
  return null;
}

export interface JestAssertion {
  title: string;
  fullName: string;
  status: string;
  failureMessages: string[];
}

/** The parts of jest's `--json` report read here. */
export interface JestReport {
  success: boolean;
  numTotalTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: { name: string; status: string; message: string; assertionResults: JestAssertion[] }[];
}

export function readJestReport(path: string): JestReport {
  return JSON.parse(readFileSync(path, 'utf8')) as JestReport;
}

/** The one test whose title starts with `start`, across the report's files; throws naming the start when there is none, or several. */
export function testTitled(report: JestReport, start: string): JestAssertion {
  const found = report.testResults.flatMap((file) => file.assertionResults).filter((assertion) => assertion.title.startsWith(start));
  if (found.length !== 1) {
    throw new Error(`expected one test titled "${start}…" in the report, found ${found.length}`);
  }
  return found[0];
}

/**
 * The mismatches the matrix walk reported (its `expect(mismatches).toEqual([])`
 * prints each as a quoted string: "<subgraph> <operation> (<fields>) as <caller>: expected …, got …").
 */
export function matrixMismatches(failureMessages: string[]): string[] {
  return failureMessages.flatMap((message) => [...message.matchAll(/"((?:[^"\\\n]|\\.)*? as [^"\n]*?: expected [^"\n]*?, got [^"\n]*?)"/g)].map((match) => match[1]));
}

/** What the department may change besides its own folder: its entry in the list, and files that builds and installs regenerate. */
/** Files the platform writes from the subgraph list or the lockfile's importers: a department commits them regenerated, never edits them. */
const GENERATED = ['pnpm-lock.yaml', 'infra/docker-compose.yml', 'infra/k8s/shequ.yaml'];

export function unexpectedChanges(changes: Change[], department: { directory: string }): Change[] {
  return changes.filter(
    (change) =>
      !change.path.startsWith(`${department.directory}/`) &&
      change.path !== 'packages/schema/src/subgraphs.ts' &&
      !GENERATED.includes(change.path) &&
      !change.path.endsWith('.graphql'),
  );
}
