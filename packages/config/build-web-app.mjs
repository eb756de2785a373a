// Bundles one of the project's browser apps (the IDE, the console) with esbuild into <package>/dist/assets:
// its script and styles, their fonts, any workers, and an index.html naming them. Nothing is left to load
// from another host. The gateway serves the folder.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {{ root: string, name: string, entry: string, title: string, lang: string,
 *           define?: Record<string, string>, workers?: Record<string, string>, base?: string }} app
 *   `name` is the bundle's file name (`<name>.js`, `<name>.css`) and the id of the element it mounts in;
 *   `workers` maps a worker's file name (without .js) to its entry; `base` is the path the assets are served under.
 */
export async function buildWebApp(app) {
  const out = join(app.root, 'dist', 'assets');
  mkdirSync(out, { recursive: true });
  const common = { bundle: true, minify: true, target: 'es2022', logLevel: 'warning', legalComments: 'none' };
  await build({
    ...common,
    entryPoints: { [app.name]: app.entry },
    outdir: out,
    format: 'esm',
    jsx: 'automatic',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
    assetNames: '[name]-[hash]',
    define: { 'process.env.NODE_ENV': '"production"', ...(app.define ?? {}) },
  });
  if (app.workers) {
    await build({ ...common, entryPoints: app.workers, outdir: out, format: 'iife' });
  }
  const base = app.base ?? '';
  writeFileSync(
    join(out, 'index.html'),
    `<!doctype html>
<html lang="${app.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${app.title}</title>
<link rel="stylesheet" href="${base}${app.name}.css">
<style>html, body, #${app.name} { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="${app.name}"></div>
<script type="module" src="${base}${app.name}.js"></script>
</body>
</html>
`,
  );
  return out;
}
