import { z } from 'zod';
import { commonEnvironmentSchema, jwtSecretOf, parseEnvironment, portSchema, requiredInProduction } from '@shequ/kit';
import { GATEWAY_PORT, SUBGRAPHS, SUPERGRAPH_PATH } from '@shequ/schema';

export interface GatewaySettings {
  port: number;
  host: string;
  supergraphPath: string;
  /** Subgraph URLs given in the environment; the others come from the supergraph. */
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  jwtSecret: string;
  development: boolean;
  logLevel: string;
}

const gatewayEnvironmentSchema = commonEnvironmentSchema
  .extend({
    PORT: portSchema(GATEWAY_PORT),
    SUPERGRAPH_PATH: z.string().min(1).default(SUPERGRAPH_PATH),
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    ...Object.fromEntries(SUBGRAPHS.map((entry) => [entry.urlVariable, z.string().url().optional()])),
  })
  .superRefine(requiredInProduction(['JWT_SECRET']));

/** The gateway's settings, read once from the environment at start. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): GatewaySettings {
  const parsed = parseEnvironment(gatewayEnvironmentSchema, env);
  const subgraphUrls: Record<string, string> = {};
  for (const entry of SUBGRAPHS) {
    const url = (parsed as Record<string, unknown>)[entry.urlVariable];
    if (typeof url === 'string') {
      subgraphUrls[entry.name] = url;
    }
  }
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    supergraphPath: parsed.SUPERGRAPH_PATH,
    subgraphUrls,
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    jwtSecret: jwtSecretOf(parsed),
    development: parsed.NODE_ENV !== 'production',
    logLevel: parsed.LOG_LEVEL,
  };
}
