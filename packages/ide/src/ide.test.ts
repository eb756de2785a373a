import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { ideAssets } from './ide-assets';

const EXAMPLES = join(__dirname, '..', 'examples');
const API_SCHEMA = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'api-schema.graphql'), 'utf8'));

describe('the IDE', () => {
  it.each(readdirSync(EXAMPLES).filter((name) => name.endsWith('.graphql')))('holds example %s, one named operation valid against the API schema', (name) => {
    const document = parse(readFileSync(join(EXAMPLES, name), 'utf8'));
    expect(document.definitions).toHaveLength(1);
    expect(validate(API_SCHEMA, document)).toEqual([]);
  });

  it('is built into a page, its bundle, Monaco’s three workers and fonts, each with its content type', () => {
    const assets = new Map(ideAssets().map((asset) => [asset.name, asset.contentType]));
    expect(assets.get('index.html')).toBe('text/html; charset=utf-8');
    expect(assets.get('ide.js')).toBe('text/javascript; charset=utf-8');
    expect(assets.get('ide.css')).toBe('text/css; charset=utf-8');
    for (const worker of ['editor.worker.js', 'json.worker.js', 'graphql.worker.js']) {
      expect(assets.get(worker)).toBe('text/javascript; charset=utf-8');
    }
    expect([...assets.keys()].some((name) => name.endsWith('.ttf'))).toBe(true);
    // The page names only files of its own.
    const page = readFileSync(ideAssets().find((asset) => asset.name === 'index.html')?.path as string, 'utf8');
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
