import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { placeholdersOf, renderTemplate, subgraphNames } from '@shequ/scaffold';

/** The department the check has the scaffold write in its copy: a name no real department has. */
export const THROWAWAY = subgraphNames('neighbourhood-watch');

/**
 * The control's template, in the scaffold's placeholders: it names what the
 * scaffold generates. Found from the package's folder, two up from here
 * both in src/ (under jest) and in dist/ (the check), which tsc does not copy it to.
 */
export const CONTROL_TEMPLATE = join(__dirname, '..', '..', 'src', 'new-department', 'control', 'subgraph-testing.ts.template');

/**
 * The throwaway department's testing entry with a wrong claim in its
 * matrix cases (see the template), written over the generated one for the
 * control run.
 */
export function controlTestingEntry(): string {
  // The control names no migration: any timestamp renders it the same.
  return renderTemplate(readFileSync(CONTROL_TEMPLATE, 'utf8'), placeholdersOf(THROWAWAY, 0), 'control/subgraph-testing.ts.template');
}
