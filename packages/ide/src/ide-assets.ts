import { existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';

/** The folder of the built IDE (from src/ or dist/ alike): index.html, the bundle, Monaco's workers and fonts. */
export const IDE_ASSETS_DIR = join(__dirname, '..', 'dist', 'assets');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
};

export interface IdeAsset {
  /** The file's name within the assets folder, e.g. `ide.js`. */
  name: string;
  path: string;
  contentType: string;
}

/** Every file of the built IDE, with its content type; none when the package was not built. */
export function ideAssets(directory: string = IDE_ASSETS_DIR): IdeAsset[] {
  if (!existsSync(directory)) {
    return [];
  }
  return readdirSync(directory)
    .filter((name) => CONTENT_TYPES[extname(name)])
    .map((name) => ({ name, path: join(directory, name), contentType: CONTENT_TYPES[extname(name)] }));
}
