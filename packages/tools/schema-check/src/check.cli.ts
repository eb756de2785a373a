import { REPOSITORY_ROOT } from '@shequ/schema';
import { runCheckCommand } from './commands';

// `pnpm check`: CI runs it; it fails on a breaking change nobody acknowledged, or on a subgraph that no longer composes.
runCheckCommand({ root: REPOSITORY_ROOT, out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
