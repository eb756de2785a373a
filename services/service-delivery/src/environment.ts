import { readSubgraphEnvironment } from '@shequ/kit';
import { subgraphEntry } from '@shequ/schema';

/** The service-delivery process's settings, read once from the environment at start. */
export function readEnvironment(): ReturnType<typeof readSubgraphEnvironment> {
  const entry = subgraphEntry('service-delivery');
  return readSubgraphEnvironment(process.env, { defaultPort: entry.port, databaseUrlVariable: entry.databaseUrlVariable });
}
