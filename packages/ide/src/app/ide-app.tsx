import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';

/** The example operations, one tab each (set by the build from examples/*.graphql). */
declare const SHEQU_EXAMPLES: { name: string; query: string }[];

// Monaco's workers are files of this bundle, served beside it: nothing is loaded from another host.
const WORKERS: Record<string, string> = { json: 'json.worker.js', graphql: 'graphql.worker.js' };
(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return new Worker(new URL(WORKERS[label] ?? 'editor.worker.js', document.baseURI));
  },
};

// The endpoint is the gateway's own. The headers editor opens ready for a token ("Bearer <token>", from
// `pnpm -s token --role analyst --jurisdiction 620000`); left empty, the caller is anonymous.
const endpoint = new URL('../graphql', document.baseURI).toString();
const fetcher = createGraphiQLFetcher({ url: endpoint });
const explorer = explorerPlugin();
const HEADERS = JSON.stringify({ Authorization: '' }, null, 2);

createRoot(document.getElementById('ide') as HTMLElement).render(
  <GraphiQL
    fetcher={fetcher}
    plugins={[explorer]}
    defaultHeaders={HEADERS}
    defaultEditorToolsVisibility="headers"
    shouldPersistHeaders={false}
    defaultTabs={SHEQU_EXAMPLES.map((example) => ({ query: example.query, headers: HEADERS }))}
  />,
);
