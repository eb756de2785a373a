import { CompositionError, composeSubgraphSchemas, SUBGRAPHS, type SubgraphEntry, type SubgraphSchemaSource } from '@shequ/schema';
import { acknowledges, readAcknowledgements, type Acknowledgement } from './acknowledgements';
import { SchemaCheckError } from './schema-check-error';
import { hasChanges, schemaChangesBetween, type SchemaChange, type SchemaChanges } from './schema-changes';
import { readOptional, repositoryPath, subgraphFiles, type SubgraphFiles } from './subgraph-files';
import { buildSubgraph, type SubgraphSchema } from './subgraph-schema';

export interface CheckOptions {
  /** The repository root: the checkout, or a test's copy of the schema files. */
  root: string;
  /** The subgraph list (`SUBGRAPHS` unless a test gives its own). */
  entries?: readonly SubgraphEntry[];
  /**
   * Check only these subgraphs, released together (a release checks what it
   * releases): each composes with the working schemas of the others named and
   * the released schemas of the rest, so a change that spans departments
   * (a field and the @external that mirrors it) is released as one.
   */
  only?: readonly string[];
}

/**
 * - `unchanged`: the working schema says what the baseline says.
 * - `changed`: it differs; the changes are classified.
 * - `unreleased`: there is no baseline yet (a department that just joined):
 *   nobody relies on it, so nothing in it can break anyone; it is composed
 *   with the others, and its first `pnpm release` writes the baseline.
 * - `unreadable`: a file is missing or wrong; `problem` says which, coded.
 */
export type SubgraphState = 'unchanged' | 'changed' | 'unreleased' | 'unreadable';

export interface BreakingChange {
  change: SchemaChange;
  /** The entry of the acknowledgements file that accepts it; null when none does, which fails the check. */
  acknowledgement: Acknowledgement | null;
}

export type CompositionOutcome = { composes: true } | { composes: false; errors: string[] };

export interface SubgraphCheck {
  entry: SubgraphEntry;
  files: SubgraphFiles;
  state: SubgraphState;
  problem: SchemaCheckError | null;
  breaking: BreakingChange[];
  dangerous: SchemaChange[];
  safe: SchemaChange[];
  deprecations: SchemaChanges['deprecations'];
  /** Acknowledgements that match no change of the working schema: left over, or mistyped. Reported; they do not fail the check. */
  staleAcknowledgements: Acknowledgement[];
  /** The working schema composed with every other subgraph's released one; null when not composed (unchanged, or unreadable). */
  composition: CompositionOutcome | null;
  /** The working schema's text, when it was read. */
  workingSdl: string | null;
  /** The working schema built, when it was (a release counts its types). */
  working: SubgraphSchema | null;
}

export interface CheckReport {
  root: string;
  subgraphs: SubgraphCheck[];
  passed: boolean;
}

/** Why a subgraph fails the check, one line each; none when it passes. */
export function failuresOf(check: SubgraphCheck): string[] {
  const failures: string[] = [];
  if (check.problem) {
    failures.push(`${check.problem.code}: ${check.problem.message}`);
  }
  const unacknowledged = check.breaking.filter((breaking) => !breaking.acknowledgement).length;
  if (unacknowledged > 0) {
    failures.push(`${unacknowledged} breaking change${unacknowledged === 1 ? '' : 's'} not acknowledged`);
  }
  if (check.composition && !check.composition.composes) {
    failures.push("its working schema does not compose with the other subgraphs' released schemas");
  }
  return failures;
}

interface SubgraphSources {
  entry: SubgraphEntry;
  files: SubgraphFiles;
  working: string | null;
  released: string | null;
}

/**
 * Checks each subgraph's working schema against its released baseline:
 * classifies the changes, matches breaking ones with the department's
 * acknowledgements, and composes each changed subgraph with the *released*
 * schemas of the others, since each department releases on its own and its
 * change must fit what the others have already shipped.
 */
export async function checkSubgraphs(options: CheckOptions): Promise<CheckReport> {
  const entries = options.entries ?? SUBGRAPHS;
  const together = new Set(options.only ?? []);
  for (const name of together) {
    assertKnownSubgraph(name, entries);
  }
  const sources: SubgraphSources[] = entries.map((entry) => {
    const files = subgraphFiles(options.root, entry);
    return { entry, files, working: readOptional(files.working), released: readOptional(files.released) };
  });
  const checks: SubgraphCheck[] = [];
  for (const source of sources) {
    if (options.only === undefined || together.has(source.entry.name)) {
      checks.push(await checkSubgraph(options.root, source, sources, together));
    }
  }
  return { root: options.root, subgraphs: checks, passed: checks.every((check) => failuresOf(check).length === 0) };
}

/** Refuses a name that is not in the subgraph list, naming the ones that are. */
export function assertKnownSubgraph(name: string, entries: readonly SubgraphEntry[] = SUBGRAPHS): SubgraphEntry {
  const entry = entries.find((candidate) => candidate.name === name);
  if (!entry) {
    throw new SchemaCheckError('UNKNOWN_SUBGRAPH', `no subgraph named "${name}"; the subgraphs are: ${entries.map((candidate) => candidate.name).join(', ')}`);
  }
  return entry;
}

async function checkSubgraph(root: string, source: SubgraphSources, all: readonly SubgraphSources[], together: ReadonlySet<string>): Promise<SubgraphCheck> {
  const check: SubgraphCheck = {
    entry: source.entry,
    files: source.files,
    state: 'unreadable',
    problem: null,
    breaking: [],
    dangerous: [],
    safe: [],
    deprecations: [],
    staleAcknowledgements: [],
    composition: null,
    workingSdl: source.working,
    working: null,
  };
  try {
    const acknowledgements = readAcknowledgements(source.files.acknowledgements, repositoryPath(root, source.files.acknowledgements));
    if (source.working === null) {
      throw new SchemaCheckError('MISSING_SCHEMA', `${repositoryPath(root, source.files.working)} is missing: run \`pnpm compose\` to emit it`);
    }
    if (source.released !== null && source.released === source.working) {
      // Byte for byte the released schema, which was built and composed when it was released.
      check.state = 'unchanged';
      check.staleAcknowledgements = acknowledgements;
      return check;
    }
    check.working = buildSubgraph(source.working, repositoryPath(root, source.files.working));
    if (source.released === null) {
      check.state = 'unreleased';
      check.staleAcknowledgements = acknowledgements;
    } else {
      const released = buildSubgraph(source.released, repositoryPath(root, source.files.released));
      const changes = await schemaChangesBetween(released, check.working);
      check.state = hasChanges(changes) ? 'changed' : 'unchanged';
      check.breaking = changes.breaking.map((change) => ({ change, acknowledgement: acknowledgements.find((candidate) => acknowledges(candidate, change)) ?? null }));
      check.dangerous = changes.dangerous;
      check.safe = changes.safe;
      check.deprecations = changes.deprecations;
      const everyChange = [...changes.breaking, ...changes.dangerous, ...changes.safe];
      check.staleAcknowledgements = acknowledgements.filter((acknowledgement) => !everyChange.some((change) => acknowledges(acknowledgement, change)));
    }
    // A schema that reorders or reformats without changing anything composes as its baseline did.
    if (check.state !== 'unchanged') {
      check.composition = compositionWithReleased(source, all, together);
    }
  } catch (error) {
    if (!(error instanceof SchemaCheckError)) {
      throw error;
    }
    check.state = 'unreadable';
    check.problem = error;
  }
  return check;
}

/**
 * `source`'s working schema with every other subgraph's released one (or,
 * for one never released or released together with it, its working schema).
 */
function compositionWithReleased(source: SubgraphSources, all: readonly SubgraphSources[], together: ReadonlySet<string>): CompositionOutcome {
  const schemas: SubgraphSchemaSource[] = all.flatMap((other) => {
    const sdl = other.entry.name === source.entry.name || together.has(other.entry.name) ? other.working : (other.released ?? other.working);
    return sdl === null ? [] : [{ entry: other.entry, sdl }];
  });
  try {
    composeSubgraphSchemas(schemas);
    return { composes: true };
  } catch (error) {
    if (error instanceof CompositionError) {
      return { composes: false, errors: error.message.split('\n').slice(1).map((line) => line.trim()).filter(Boolean) };
    }
    // The composer's parser refuses another subgraph's file before composing: say so rather than crash the whole check.
    return { composes: false, errors: [error instanceof Error ? error.message : String(error)] };
  }
}
