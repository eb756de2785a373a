import { chinaToday } from '@shequ/kit';
import { REPOSITORY_ROOT } from '@shequ/schema';
import { runReleaseCommand } from './commands';

// `pnpm release <subgraph>`: the changelog's heading is the day in China, where the departments work.
runReleaseCommand(process.argv.slice(2), chinaToday(), { root: REPOSITORY_ROOT, out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
