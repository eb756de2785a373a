import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ScaffoldError } from './scaffold-error';
import type { SubgraphNames } from './subgraph-names';

/**
 * The subgraph the scaffold writes, one `*.template` file per generated
 * file. The suffix keeps every compiler, linter, test runner and layering
 * check off them: with their placeholders they are not sources yet.
 */
export const TEMPLATE_FOLDER = join(__dirname, '..', 'template');
export const TEMPLATE_SUFFIX = '.template';

/** `{{Name}}`: a key of the placeholders, in double braces, in a file's text or its path. */
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** What a template may name: every derived name, and the timestamp that orders its first migration. */
export type Placeholders = Readonly<Record<keyof SubgraphNames | 'migrationTimestamp', string>>;

export function placeholdersOf(names: SubgraphNames, migrationTimestamp: number): Placeholders {
  return { ...names, migrationTimestamp: String(migrationTimestamp) };
}

/** Fills every placeholder in `text`; refuses one it has no value for, and a brace pair left half-written, naming `where`. */
export function renderTemplate(text: string, placeholders: Placeholders, where: string): string {
  const values: Readonly<Record<string, string>> = placeholders;
  const rendered = text.replace(PLACEHOLDER, (placeholder, key: string) => {
    if (!Object.hasOwn(values, key)) {
      throw new ScaffoldError('BAD_TEMPLATE', `${where}: unknown placeholder ${placeholder} (known: ${Object.keys(values).join(', ')})`);
    }
    return values[key];
  });
  const leftover = rendered.indexOf('{{');
  if (leftover >= 0) {
    throw new ScaffoldError('BAD_TEMPLATE', `${where}: "{{" left after rendering, near "${rendered.slice(leftover, leftover + 30)}"`);
  }
  return rendered;
}

export interface GeneratedFile {
  /** From the subgraph's folder, with "/" between folders. */
  path: string;
  content: string;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)]));
}

/** Every file of the template, rendered for one subgraph, in path order. */
export function renderSubgraph(placeholders: Placeholders, templateFolder = TEMPLATE_FOLDER): GeneratedFile[] {
  return filesUnder(templateFolder)
    .map((file) => {
      const templatePath = relative(templateFolder, file).split(sep).join('/');
      if (!templatePath.endsWith(TEMPLATE_SUFFIX)) {
        throw new ScaffoldError('BAD_TEMPLATE', `${templatePath} in the template lacks the ${TEMPLATE_SUFFIX} suffix`);
      }
      return {
        path: renderTemplate(templatePath.slice(0, -TEMPLATE_SUFFIX.length), placeholders, templatePath),
        content: renderTemplate(readFileSync(file, 'utf8'), placeholders, templatePath),
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
