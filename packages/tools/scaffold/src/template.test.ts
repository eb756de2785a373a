import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScaffoldError } from './scaffold-error';
import { subgraphNames } from './subgraph-names';
import { placeholdersOf, renderSubgraph, renderTemplate } from './template';

const PLACEHOLDERS = placeholdersOf(subgraphNames('neighbourhood-watch'), 1767000000000);

function refusal(run: () => unknown): ScaffoldError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScaffoldError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('rendering a template', () => {
  it('fills every placeholder, and leaves other braces alone', () => {
    expect(renderTemplate("export const {{camelName}}Policy = definePolicy({ {{mutation}}: { department: '{{name}}' } });", PLACEHOLDERS, 'x.ts')).toBe(
      "export const neighbourhoodWatchPolicy = definePolicy({ registerNeighbourhoodWatchRecord: { department: 'neighbourhood-watch' } });",
    );
    expect(renderTemplate('{{Name}}Schema{{migrationTimestamp}} `${a}` { b { c } }', PLACEHOLDERS, 'x.ts')).toBe('NeighbourhoodWatchSchema1767000000000 `${a}` { b { c } }');
  });

  it('refuses a placeholder it has no value for, naming it and the file', () => {
    const error = refusal(() => renderTemplate('a {{Thing}} b', PLACEHOLDERS, 'src/x.ts.template'));
    expect([error.code, error.message]).toEqual(['BAD_TEMPLATE', expect.stringContaining('src/x.ts.template: unknown placeholder {{Thing}}')]);
  });

  it('refuses a placeholder left half-written', () => {
    const error = refusal(() => renderTemplate('a {{name} b', PLACEHOLDERS, 'src/x.ts.template'));
    expect([error.code, error.message]).toEqual(['BAD_TEMPLATE', 'src/x.ts.template: "{{" left after rendering, near "{{name} b"']);
  });
});

describe('the template folder', () => {
  it('renders every file, paths included, without the suffix', () => {
    const files = renderSubgraph(PLACEHOLDERS);
    const paths = files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'src/subgraph.ts', 'src/testing/subgraph-testing.ts', 'src/migrations/1767000000000-neighbourhood-watch-schema.ts']));
    expect(paths.filter((path) => path.endsWith('.template') || path.includes('{{'))).toEqual([]);
  });

  it('refuses a file without the suffix', () => {
    const folder = mkdtempSync(join(tmpdir(), 'scaffold-template-'));
    try {
      mkdirSync(join(folder, 'src'));
      writeFileSync(join(folder, 'src', 'a.ts.template'), 'export const {{camelName}} = 1;\n');
      writeFileSync(join(folder, 'src', 'b.ts'), 'export const b = 1;\n');
      expect(refusal(() => renderSubgraph(PLACEHOLDERS, folder)).message).toBe('src/b.ts in the template lacks the .template suffix');
      rmSync(join(folder, 'src', 'b.ts'));
      expect(renderSubgraph(PLACEHOLDERS, folder)).toEqual([{ path: 'src/a.ts', content: 'export const neighbourhoodWatch = 1;\n' }]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
