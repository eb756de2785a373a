import { readSubgraphEnvironment } from '@shequ/kit';
import { subgraphEntry } from '@shequ/schema';

/** The public-safety process's settings, read once from the environment at start. */
export function readEnvironment(): ReturnType<typeof readSubgraphEnvironment> {
  const entry = subgraphEntry('public-safety');
  return readSubgraphEnvironment(process.env, { defaultPort: entry.port, databaseUrlVariable: entry.databaseUrlVariable });
}
