import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { IDE_ASSETS_DIR } from './ide-assets';

const EXAMPLES = join(__dirname, '..', 'examples');
const API_SCHEMA = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'api-schema.graphql'), 'utf8'));

describe('the IDE', () => {
  it.each(readdirSync(EXAMPLES).filter((name) => name.endsWith('.graphql')))('holds example %s, one named operation valid against the API schema', (name) => {
    const document = parse(readFileSync(join(EXAMPLES, name), 'utf8'));
    expect(document.definitions).toHaveLength(1);
    expect(validate(API_SCHEMA, document)).toEqual([]);
  });

  it('is built into a page, its bundle, Monaco’s three workers and fonts', () => {
    const files = readdirSync(IDE_ASSETS_DIR);
    for (const name of ['index.html', 'ide.js', 'ide.css', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js']) {
      expect(files).toContain(name);
    }
    expect(files.some((name) => name.endsWith('.ttf'))).toBe(true);
    // The page names only files of its own.
    expect(readFileSync(join(IDE_ASSETS_DIR, 'index.html'), 'utf8')).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
