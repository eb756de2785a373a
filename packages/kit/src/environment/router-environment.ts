import { z } from 'zod';
import { GATEWAY_PORT, SUBGRAPHS, SUPERGRAPH_PATH } from '@shequ/schema';
import { portSchema } from './common-environment';

/** One URL, or the URLs of a subgraph's replicas separated by commas. */
const replicaUrls = z
  .string()
  .transform((list) => list.split(',').map((url) => url.trim()).filter(Boolean))
  .refine((urls) => urls.length > 0 && urls.every((url) => z.string().url().safeParse(url).success), 'must be a URL, or several replicas\' URLs separated by commas');

/** Every subgraph's URL variable (GOVERNANCE_URL, …), optional: each moves that subgraph from the supergraph's routing URL. */
const subgraphUrlVariables = Object.fromEntries(SUBGRAPHS.map((entry) => [entry.urlVariable, replicaUrls.optional()]));

/** The subgraph URLs a parsed environment sets, by subgraph name, each a list of its replicas; a subgraph not set keeps the supergraph's routing URL. */
export function subgraphUrlsOf(parsed: Record<string, unknown>): Record<string, string[]> {
  const urls: Record<string, string[]> = {};
  for (const entry of SUBGRAPHS) {
    const replicas = parsed[entry.urlVariable];
    if (Array.isArray(replicas)) {
      urls[entry.name] = replicas as string[];
    }
  }
  return urls;
}

/**
 * What every router in front of the graph reads, with one meaning and one
 * default (the platform gateway and the Hive Gateway configuration): its
 * port, the supergraph, how long it waits for a subgraph, the browser
 * origins it answers (CORS_ORIGINS, comma-separated; none by default) and
 * the subgraphs' URLs. Extend a router's environment schema with it.
 */
export const routerVariables = {
  PORT: portSchema(GATEWAY_PORT),
  SUPERGRAPH_PATH: z.string().min(1).default(SUPERGRAPH_PATH),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((list) => list.split(',').map((origin) => origin.trim()).filter(Boolean))
    .refine((origins) => origins.every((origin) => /^https?:\/\/[^/\s]+$/.test(origin)), 'must be a comma-separated list of origins such as https://console.example.gov.cn (scheme and host, no path)'),
  ...subgraphUrlVariables,
};
