import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Template files carry this suffix, so that no compiler, linter, test runner or layering check takes them for sources. */
export const TEMPLATE_SUFFIX = '.template';

/** The department the template holds; its names are written into the template's files. */
export const NEW_DEPARTMENT = {
  name: 'neighbourhood-watch',
  directory: 'services/neighbourhood-watch',
  mutation: 'registerWatchPost',
  communityField: 'watchPosts',
} as const;

/** Where the subgraph list ends, in packages/schema/src/subgraphs.ts: a new entry goes just before it. */
const LIST_END = '] as const satisfies';

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)]));
}

/** Writes every template file under `target`, its suffix dropped; returns the written paths, relative to `target`. */
export function writeTemplate(template: string, target: string): string[] {
  return filesUnder(template).map((file) => {
    const path = relative(template, file);
    if (!path.endsWith(TEMPLATE_SUFFIX)) {
      throw new Error(`${path} in the template lacks the ${TEMPLATE_SUFFIX} suffix`);
    }
    const written = path.slice(0, -TEMPLATE_SUFFIX.length);
    mkdirSync(dirname(join(target, written)), { recursive: true });
    writeFileSync(join(target, written), readFileSync(file));
    return written;
  });
}

/** public-safety → PUBLIC_SAFETY, the stem of a subgraph's variables. */
function variableStem(name: string): string {
  return name.toUpperCase().replaceAll('-', '_');
}

/**
 * The subgraph list's source with one more department at its end, on the
 * port after the highest one listed. Refuses a list that already names the
 * department, or whose end it cannot find exactly once.
 */
export function withDepartmentEntry(source: string, department: { name: string; directory: string }): { source: string; port: number } {
  if (source.includes(`name: '${department.name}'`)) {
    throw new Error(`the subgraph list already has an entry named ${department.name}`);
  }
  const ends = source.split(LIST_END).length - 1;
  if (ends !== 1) {
    throw new Error(`expected the subgraph list to end once with "${LIST_END}", found ${ends}`);
  }
  const ports = [...source.matchAll(/\bport: (\d+),/g)].map((match) => Number(match[1]));
  if (ports.length === 0) {
    throw new Error('found no port in the subgraph list');
  }
  const port = Math.max(...ports) + 1;
  const stem = variableStem(department.name);
  const entry = [
    '  {',
    `    name: '${department.name}',`,
    `    directory: '${department.directory}',`,
    `    port: ${port},`,
    `    urlVariable: '${stem}_URL',`,
    `    databaseUrlVariable: '${stem}_DATABASE_URL',`,
    '    department: true,',
    '  },',
    '',
  ].join('\n');
  return { source: source.replace(LIST_END, `${entry}${LIST_END}`), port };
}
