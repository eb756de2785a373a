import { z } from 'zod';
import { SUBGRAPHS } from '@shequ/schema';

/** Every subgraph's URL variable (GOVERNANCE_URL, …), optional: a router reads them; extend its environment schema with this. */
export const subgraphUrlVariables = Object.fromEntries(SUBGRAPHS.map((entry) => [entry.urlVariable, z.string().url().optional()]));

/** The subgraph URLs a parsed environment sets, by subgraph name; a subgraph not set keeps the supergraph's routing URL. */
export function subgraphUrlsOf(parsed: Record<string, unknown>): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const entry of SUBGRAPHS) {
    const url = parsed[entry.urlVariable];
    if (typeof url === 'string') {
      urls[entry.name] = url;
    }
  }
  return urls;
}

/** CORS_ORIGINS: the browser origins a router answers, comma-separated; none by default. */
export const corsOriginsVariable = {
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((list) => list.split(',').map((origin) => origin.trim()).filter(Boolean))
    .refine((origins) => origins.every((origin) => /^https?:\/\/[^/\s]+$/.test(origin)), 'must be a comma-separated list of origins such as https://console.example.gov.cn (scheme and host, no path)'),
};
