import { writeFileSync } from 'node:fs';
import { SUBGRAPHS, type SubgraphEntry } from '@shequ/schema';
import { clearAcknowledgements } from './acknowledgements';
import { appendToChangelog, changelogEntry } from './changelog';
import { assertKnownSubgraph, checkSubgraphs, failuresOf, type CheckReport } from './check';
import { SchemaCheckError } from './schema-check-error';
import { repositoryPath } from './subgraph-files';
import { definedTypeCount } from './subgraph-schema';

export interface ReleaseOptions {
  root: string;
  /** One subgraph, or several released as one (a change that spans them). */
  names: readonly string[];
  /** The China date the release is made (`chinaToday()`); the changelog's heading. */
  today: string;
  entries?: readonly SubgraphEntry[];
}

export interface ReleaseResult {
  /** False when the working schema had no change against the baseline: nothing was written. */
  released: boolean;
  /** The check of the released subgraph, as it stood before the release. */
  report: CheckReport;
  /** What was done, for a person. */
  message: string;
}

/** A release refused because its subgraph fails the check; the report says why, change by change. */
export class ReleaseRefused extends SchemaCheckError {
  override name = 'ReleaseRefused';

  constructor(
    message: string,
    readonly report: CheckReport,
  ) {
    super('CHECK_FAILED', message);
  }
}

/**
 * Promotes each named subgraph's working schema to its released baseline,
 * appends the release's changes to its CHANGELOG.md and clears its
 * acknowledgements (they are released now). Only schemas that pass the check
 * together are released: a breaking change without its acknowledgement, or
 * a schema that does not compose with the others named and the rest's
 * released ones, refuses the whole release with CHECK_FAILED.
 */
export async function releaseSubgraphs(options: ReleaseOptions): Promise<ReleaseResult> {
  const entries = options.entries ?? SUBGRAPHS;
  const names = [...new Set(options.names)];
  if (names.length === 0) {
    throw new SchemaCheckError('USAGE', `name a subgraph to release: ${entries.map((entry) => entry.name).join(', ')}`);
  }
  names.forEach((name) => assertKnownSubgraph(name, entries));
  const report = await checkSubgraphs({ root: options.root, entries, only: names });
  const failures = report.subgraphs.flatMap((check) => failuresOf(check).map((failure) => `${check.entry.name}: ${failure}`));
  if (failures.length) {
    throw new ReleaseRefused(`nothing is released: ${failures.join('; ')}`, report);
  }
  const changed = report.subgraphs.filter((check) => check.state !== 'unchanged');
  if (changed.length === 0) {
    return { released: false, report, message: `${names.join(', ')}: no changes against the released baselines; nothing released, nothing written.` };
  }
  const written = changed.map((check) => {
    const files = check.files;
    appendToChangelog(files.changelog, check.entry.name, changelogEntry(check, options.today, check.working ? definedTypeCount(check.working) : 0));
    writeFileSync(files.released, check.workingSdl as string);
    clearAcknowledgements(files.acknowledgements);
    return `${check.entry.name}: ${repositoryPath(options.root, files.released)} now holds the working schema, its changes are appended to ${repositoryPath(options.root, files.changelog)} under ${options.today} and ${repositoryPath(options.root, files.acknowledgements)} is cleared`;
  });
  return { released: true, report, message: `Released ${written.join('; ')}. Commit these files.` };
}
