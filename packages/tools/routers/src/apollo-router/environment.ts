import { z } from 'zod';
import { parseEnvironment, portSchema, signingKeyOf, signingKeyRequiredOutsideDevelopment, signingKeyVariables } from '@shequ/kit';
import { SUBGRAPHS } from '@shequ/schema';
import type { SigningProxySettings } from './signing-proxy';

/** Where router.yaml sends every subgraph: `http://127.0.0.1:4100/<name>`. */
export const SIGNING_PROXY_PORT = 4100;

const signingProxyEnvironmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    SIGNING_PROXY_PORT: portSchema(SIGNING_PROXY_PORT),
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    ...signingKeyVariables,
    ...Object.fromEntries(SUBGRAPHS.map((entry) => [entry.urlVariable, z.string().url().default(`http://localhost:${entry.port}/graphql`)])),
  })
  .superRefine(signingKeyRequiredOutsideDevelopment);

/** The signing proxy's settings, read once; it listens on loopback only, beside the Router. */
export function readSigningProxyEnvironment(env: NodeJS.ProcessEnv = process.env): SigningProxySettings {
  const parsed = parseEnvironment(signingProxyEnvironmentSchema, env);
  return {
    host: '127.0.0.1',
    port: parsed.SIGNING_PROXY_PORT,
    signingKey: signingKeyOf(parsed),
    timeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((entry) => [entry.name, String((parsed as Record<string, unknown>)[entry.urlVariable])])),
  };
}
