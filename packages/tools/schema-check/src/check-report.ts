import { failuresOf, type CheckReport, type SubgraphCheck } from './check';
import type { SchemaChange } from './schema-changes';
import { ACKNOWLEDGEMENTS_FILE, RELEASED_SCHEMA_FILE, WORKING_SCHEMA_FILE } from './subgraph-files';

/** The check as a person reads it in a CI log: one block per subgraph, then the verdict and what to do about it. */
export function formatCheckReport(report: CheckReport): string {
  const lines = [`Schema check: each subgraph's ${WORKING_SCHEMA_FILE} against its released baseline, ${RELEASED_SCHEMA_FILE}`, ''];
  for (const check of report.subgraphs) {
    lines.push(...subgraphBlock(check));
  }
  lines.push('');
  const failing = report.subgraphs.filter((check) => failuresOf(check).length > 0);
  if (failing.length === 0) {
    lines.push(`Result: passed (${report.subgraphs.length} subgraph${report.subgraphs.length === 1 ? '' : 's'} checked).`);
    return `${lines.join('\n')}\n`;
  }
  lines.push('Result: FAILED');
  for (const check of failing) {
    for (const failure of failuresOf(check)) {
      lines.push(`  ${check.entry.name}: ${failure}`);
    }
  }
  const notComposing = failing.filter((check) => check.composition && !check.composition.composes).map((check) => check.entry.name);
  if (notComposing.length > 1) {
    lines.push('', `A change that spans subgraphs composes only with its other halves: release them together, \`pnpm release ${notComposing.join(' ')}\`.`);
  }
  lines.push(
    '',
    `A breaking change can break the frontends that use what it removes or changes. To release it all the same, add`,
    `  { "change": "<its path, as in [brackets] above>", "reason": "<why callers may lose it>" }`,
    `to the subgraph's ${ACKNOWLEDGEMENTS_FILE}; \`pnpm release <subgraph>\` then records the reason in its CHANGELOG.md.`,
  );
  return `${lines.join('\n')}\n`;
}

function subgraphBlock(check: SubgraphCheck): string[] {
  const name = `${check.entry.name} (${check.entry.directory})`;
  switch (check.state) {
    case 'unreadable':
      return [`${name}: cannot be checked`, `  ${check.problem?.code}: ${check.problem?.message}`];
    case 'unreleased':
      return [
        `${name}: not released yet (no ${RELEASED_SCHEMA_FILE}); \`pnpm release ${check.entry.name}\` makes its working schema the baseline`,
        ...compositionLines(check),
        ...staleLines(check),
      ];
    case 'unchanged':
      return [`${name}: unchanged`, ...staleLines(check)];
    case 'changed':
      return [`${name}: ${summary(check)}`, ...changeLines(check), ...staleLines(check), ...compositionLines(check)];
  }
}

function summary(check: SubgraphCheck): string {
  const acknowledged = check.breaking.filter((breaking) => breaking.acknowledgement).length;
  const parts = [
    `${check.breaking.length} breaking${check.breaking.length ? ` (${acknowledged} acknowledged)` : ''}`,
    `${check.dangerous.length} dangerous`,
    `${check.deprecations.length} deprecation${check.deprecations.length === 1 ? '' : 's'}`,
    `${check.safe.length} safe`,
  ];
  return `changed: ${parts.join(', ')}`;
}

function changeLines(check: SubgraphCheck): string[] {
  const lines: string[] = [];
  const unacknowledged = check.breaking.filter((breaking) => !breaking.acknowledgement);
  const acknowledged = check.breaking.filter((breaking) => breaking.acknowledgement);
  if (unacknowledged.length) {
    lines.push('  Breaking, NOT acknowledged:');
    for (const { change } of unacknowledged) {
      lines.push(`    - ${describe(change)}`);
      if (change.why) {
        lines.push(`      why it breaks: ${change.why}`);
      }
    }
  }
  if (acknowledged.length) {
    lines.push('  Breaking, acknowledged:');
    for (const { change, acknowledgement } of acknowledged) {
      lines.push(`    - ${describe(change)}`, `      reason: ${acknowledgement?.reason}`);
    }
  }
  if (check.deprecations.length) {
    lines.push('  Deprecated:');
    lines.push(...check.deprecations.map((deprecation) => `    - ${deprecation.path}: ${deprecation.reason}`));
  }
  if (check.dangerous.length) {
    lines.push('  Dangerous:');
    lines.push(...check.dangerous.map((change) => `    - ${describe(change)}`));
  }
  if (check.safe.length) {
    lines.push('  Safe:');
    lines.push(...check.safe.map((change) => `    - ${describe(change)}`));
  }
  return lines;
}

function staleLines(check: SubgraphCheck): string[] {
  if (!check.staleAcknowledgements.length) {
    return [];
  }
  return [
    `  Stale acknowledgements in ${check.entry.directory}/${ACKNOWLEDGEMENTS_FILE} (they match no change of the working schema; remove them or correct their "change"):`,
    ...check.staleAcknowledgements.map((acknowledgement) => `    - "${acknowledgement.change}" (reason: ${acknowledgement.reason})`),
  ];
}

function compositionLines(check: SubgraphCheck): string[] {
  if (!check.composition) {
    return [];
  }
  if (check.composition.composes) {
    return ["  Composition with the other subgraphs' released schemas: composes"];
  }
  return ["  Composition with the other subgraphs' released schemas: FAILS", ...check.composition.errors.map((error) => `    ${error}`)];
}

/** A change with its path in brackets: the path is what an acknowledgement names. */
export function describe(change: SchemaChange): string {
  return change.path ? `${change.message}  [${change.path}]` : change.message;
}
