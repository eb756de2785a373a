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

/** Why each of `files` (absolute paths) did not run and pass in the report: an empty list when every one did. */
export function testFilesNotPassed(report: JestReport, files: string[]): string[] {
  if (files.length === 0) {
    return ['there is no test file to run'];
  }
  return files.flatMap((file) => {
    const result = report.testResults.find((candidate) => candidate.name === file);
    if (!result) {
      return [`${file} did not run`];
    }
    const failed = result.assertionResults.filter((assertion) => assertion.status !== 'passed');
    return result.status === 'passed' && failed.length === 0 ? [] : [`${file} ${result.status}${failed.length ? `: ${failed.map((assertion) => `"${assertion.title}" ${assertion.status}`).join(', ')}` : ''}`];
  });
}

/**
 * The mismatches the matrix walk reported (its `expect(mismatches).toEqual([])`
 * prints each as a quoted string: "<subgraph> <operation> (<fields>) as <caller>: expected …, got …").
 */
export function matrixMismatches(failureMessages: string[]): string[] {
  return failureMessages.flatMap((message) => [...message.matchAll(/"((?:[^"\\\n]|\\.)*? as [^"\n]*?: expected [^"\n]*?, got [^"\n]*?)"/g)].map((match) => match[1]));
}

/** What install writes from the workspace's importers: a department commits it regenerated, never edits it. */
const LOCKFILE = 'pnpm-lock.yaml';

/** The paths whose change is new in `after`: what a step between the two readings wrote. */
export function changedBetween(before: Change[], after: Change[]): string[] {
  const seen = new Set(before.map((change) => `${change.status} ${change.path}`));
  return after.filter((change) => !seen.has(`${change.status} ${change.path}`)).map((change) => change.path);
}

/**
 * What changed besides the department's own folder, its entry in the list,
 * the lockfile, generated schemas and `regenerated` — the files a generator
 * (`pnpm infra`, from the subgraph list) wrote, which a department commits
 * regenerated, never edits.
 */
export function unexpectedChanges(changes: Change[], department: { directory: string }, regenerated: string[]): Change[] {
  return changes.filter(
    (change) =>
      !change.path.startsWith(`${department.directory}/`) &&
      change.path !== 'packages/schema/src/subgraphs.ts' &&
      change.path !== LOCKFILE &&
      !regenerated.includes(change.path) &&
      !change.path.endsWith('.graphql'),
  );
}
