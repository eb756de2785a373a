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
  name: string;
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
 * Promotes a subgraph's working schema to its released baseline, appends the
 * release's changes to its CHANGELOG.md and clears its acknowledgements (they
 * are released now). Only a schema that passes the check is released: a
 * breaking change without its acknowledgement, or a schema that does not
 * compose with the others' released ones, is refused with CHECK_FAILED.
 */
export async function releaseSubgraph(options: ReleaseOptions): Promise<ReleaseResult> {
  const entries = options.entries ?? SUBGRAPHS;
  const entry = assertKnownSubgraph(options.name, entries);
  const report = await checkSubgraphs({ root: options.root, entries, only: entry.name });
  const [check] = report.subgraphs;
  const failures = failuresOf(check);
  if (failures.length) {
    throw new ReleaseRefused(`${entry.name} is not released: ${failures.join('; ')}`, report);
  }
  if (check.state === 'unchanged') {
    return { released: false, report, message: `${entry.name}: no changes against its released baseline; nothing released, nothing written.` };
  }
  const files = check.files;
  appendToChangelog(files.changelog, entry.name, changelogEntry(check, options.today, check.working ? definedTypeCount(check.working) : 0));
  writeFileSync(files.released, check.workingSdl as string);
  clearAcknowledgements(files.acknowledgements);
  const written = [
    `${repositoryPath(options.root, files.released)} now holds the working schema`,
    `the changes are appended to ${repositoryPath(options.root, files.changelog)} under ${options.today}`,
    `${repositoryPath(options.root, files.acknowledgements)} is cleared`,
  ];
  return { released: true, report, message: `Released ${entry.name}: ${written.join('; ')}. Commit these files.` };
}
