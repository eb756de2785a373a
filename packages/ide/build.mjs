// The IDE's bundle: GraphiQL, the explorer, Monaco's workers and fonts, the example operations as tabs.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebApp } from '@shequ/config/build-web-app.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(root, 'package.json'));
// Monaco comes with GraphiQL: resolve its workers from there.
const fromGraphiql = (path) => require.resolve(path, { paths: [dirname(require.resolve('graphiql'))] });

const examples = readdirSync(join(root, 'examples'))
  .filter((name) => name.endsWith('.graphql'))
  .sort()
  .map((name) => {
    const text = readFileSync(join(root, 'examples', name), 'utf8');
    return { name: /query (\w+)/.exec(text)?.[1] ?? name, query: text };
  });

const out = await buildWebApp({
  root,
  name: 'ide',
  entry: join(root, 'src', 'app', 'ide-app.tsx'),
  title: 'Shequ GraphQL IDE',
  lang: 'zh-CN',
  define: { SHEQU_EXAMPLES: JSON.stringify(examples) },
  workers: {
    'editor.worker': fromGraphiql('monaco-editor/esm/vs/editor/editor.worker.js'),
    'json.worker': fromGraphiql('monaco-editor/esm/vs/language/json/json.worker.js'),
    'graphql.worker': fromGraphiql('monaco-graphql/esm/graphql.worker.js'),
  },
});
process.stdout.write(`ide: ${examples.length} examples, assets in ${out}\n`);
