import { join } from 'node:path';

/** The folder of the built console (from src/ or dist/ alike): index.html, its script and styles. */
export const CONSOLE_ASSETS_DIR = join(__dirname, '..', 'dist', 'assets');
