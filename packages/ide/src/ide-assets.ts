import { join } from 'node:path';

/** The folder of the built IDE (from src/ or dist/ alike): index.html, the bundle, Monaco's workers and fonts. */
export const IDE_ASSETS_DIR = join(__dirname, '..', 'dist', 'assets');
