import { runMain } from '@shequ/kit';
import { readSigningProxyEnvironment } from './environment';
import { startSigningProxy } from './signing-proxy';

/** `node dist/apollo-router/signing-proxy.cli.js`: the proxy Apollo Router sends its subgraph requests through (router.yaml). */
runMain(async () => {
  const proxy = await startSigningProxy(readSigningProxyEnvironment());
  process.stdout.write(`Signing subgraph requests at ${proxy.url}/<subgraph>\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void proxy.stop().then(() => process.exit(0)));
  }
});
