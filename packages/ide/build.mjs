// Bundles the IDE for the browser: GraphiQL, the explorer, Monaco's workers and their fonts, all served
// by the gateway from dist/assets, so the page loads nothing from any other host.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const out = join(root, 'dist', 'assets');
const require = createRequire(join(root, 'package.json'));
mkdirSync(out, { recursive: true });

const examples = readdirSync(join(root, 'examples'))
  .filter((name) => name.endsWith('.graphql'))
  .sort()
  .map((name) => {
    const text = readFileSync(join(root, 'examples', name), 'utf8');
    return { name: /query (\w+)/.exec(text)?.[1] ?? name, query: text };
  });

const common = { bundle: true, minify: true, target: 'es2022', logLevel: 'warning', legalComments: 'none' };
await build({
  ...common,
  entryPoints: { ide: join(root, 'src', 'app', 'ide-app.tsx') },
  outdir: out,
  format: 'esm',
  jsx: 'automatic',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
  assetNames: '[name]-[hash]',
  define: { SHEQU_EXAMPLES: JSON.stringify(examples), 'process.env.NODE_ENV': '"production"' },
});
await build({
  ...common,
  entryPoints: {
    'editor.worker': require.resolve('monaco-editor/esm/vs/editor/editor.worker.js', { paths: [dirname(require.resolve('graphiql'))] }),
    'json.worker': require.resolve('monaco-editor/esm/vs/language/json/json.worker.js', { paths: [dirname(require.resolve('graphiql'))] }),
    'graphql.worker': require.resolve('monaco-graphql/esm/graphql.worker.js', { paths: [dirname(require.resolve('graphiql'))] }),
  },
  outdir: out,
  format: 'iife',
});
writeFileSync(
  join(out, 'index.html'),
  `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shequ GraphQL IDE</title>
<link rel="stylesheet" href="ide.css">
<style>html, body, #ide { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="ide"></div>
<script type="module" src="ide.js"></script>
</body>
</html>
`,
);
process.stdout.write(`ide: ${examples.length} examples, assets in ${out}\n`);
