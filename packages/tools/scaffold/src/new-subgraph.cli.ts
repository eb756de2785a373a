import { spawnSync } from 'node:child_process';
import { runNewSubgraph } from './new-subgraph';

// pnpm runs a root script in the repository's root, whatever folder it was typed in; `node` in the copy a check makes runs in that copy.
process.exitCode = runNewSubgraph(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  run: (command, args, cwd) => spawnSync(command, args, { cwd, stdio: 'inherit' }).status ?? 1,
});
