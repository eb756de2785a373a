import { z } from 'zod';
import { startLocalServer } from '@shequ/database';
import { parseEnvironment, runMain } from '@shequ/kit';
import { SUBGRAPHS } from '@shequ/schema';
import { readMigrationArguments } from './migrate-arguments';
import { runMigrations } from './run-migrations';

/**
 * `pnpm migrate <subgraph|all> up|down|status [--yes]`: each named
 * subgraph's own `main.js migrate <command>`, the step a deployment runs
 * before its processes start. The database is each subgraph's
 * `<STEM>_DATABASE_URL`, else DATABASE_URL, else, as `pnpm start` does, the
 * embedded PostgreSQL under `.data/` (started for the command when not
 * already running).
 */
runMain(async () => {
  const plan = readMigrationArguments(process.argv.slice(2));
  // Checked here so a malformed URL is named once, not by every subgraph.
  const urls = parseEnvironment(
    z.object(Object.fromEntries(['DATABASE_URL', ...SUBGRAPHS.map((entry) => entry.databaseUrlVariable)].map((variable) => [variable, z.string().url().optional()]))),
    process.env,
  ) as Record<string, string | undefined>;
  const needsLocalServer = plan.subgraphs.some((entry) => !urls[entry.databaseUrlVariable] && !urls.DATABASE_URL);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const server = needsLocalServer ? await startLocalServer() : null;
  if (server) {
    say(`PostgreSQL (embedded, data in .data/postgres) on port ${server.port}`);
  }
  try {
    const env = { ...process.env, ...(server ? { DATABASE_URL: server.url } : {}) };
    const outcomes = await runMigrations(plan, env, say);
    if (outcomes.some((outcome) => outcome.exitCode !== 0)) {
      process.exitCode = 1;
    }
  } finally {
    await server?.stop();
  }
});
