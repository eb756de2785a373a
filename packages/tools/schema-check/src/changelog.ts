import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import type { SubgraphCheck } from './check';
import type { SchemaChange } from './schema-changes';

/**
 * One release's entry of a subgraph's CHANGELOG.md: a heading with the China
 * date, then its breaking changes with the reasons they were accepted, its
 * deprecations, its dangerous and its safe changes.
 */
export function changelogEntry(check: SubgraphCheck, today: string, typeCount: number): string {
  const lines = [`## ${today}`, ''];
  if (check.state === 'unreleased') {
    lines.push(`First release: the baseline is the schema as it stands (${typeCount} type${typeCount === 1 ? '' : 's'}).`, '');
    return lines.join('\n');
  }
  const section = (title: string, items: string[]) => {
    if (items.length) {
      lines.push(`### ${title}`, '', ...items.map((item) => `- ${item}`), '');
    }
  };
  section(
    'Breaking',
    check.breaking.map(({ change, acknowledgement }) => `${entryText(change)}\n  Reason: ${acknowledgement?.reason ?? '(none recorded)'}`),
  );
  section(
    'Deprecated',
    check.deprecations.map((deprecation) => `\`${deprecation.path}\`: ${deprecation.reason}`),
  );
  section('Dangerous', check.dangerous.map(entryText));
  section('Safe', check.safe.map(entryText));
  return lines.join('\n');
}

function entryText(change: SchemaChange): string {
  const message = /[.!?]$/.test(change.message) ? change.message : `${change.message}.`;
  return change.path ? `\`${change.path}\`: ${message}` : message;
}

/** Appends `entry` to the changelog, oldest release first, starting the file with its title when there is none yet. */
export function appendToChangelog(path: string, subgraphName: string, entry: string): void {
  if (!existsSync(path)) {
    writeFileSync(path, `# ${subgraphName}: schema changelog\n\nEach release of this subgraph's schema (\`pnpm release ${subgraphName}\`), oldest first.\n\n`);
  }
  appendFileSync(path, entry);
}
