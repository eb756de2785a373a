import { MIGRATION_COMMANDS as COMMANDS, StartupError, type MigrationCommand as Command } from '@shequ/kit';
import { SUBGRAPHS, type SubgraphEntry } from '@shequ/schema';

/** What `pnpm migrate` was asked: a command, for these subgraphs, in the order they run. */
export interface MigrationPlan {
  command: Command;
  subgraphs: SubgraphEntry[];
}

export const USAGE = [
  `usage: pnpm migrate <subgraph|all> <${COMMANDS.join('|')}> [--yes]`,
  `  subgraphs: ${SUBGRAPHS.map((entry) => entry.name).join(', ')}, or all`,
  '  up: apply the pending migrations; down: revert the last applied one; status: list each with applied/pending',
  '  `all down` reverts the last migration of every subgraph, the list backwards, and needs --yes',
].join('\n');

function refuse(problem: string): never {
  throw new StartupError(`${problem}\n${USAGE}`);
}

/**
 * Reads `pnpm migrate`'s arguments. `all` runs every subgraph of the list,
 * in its order for `up` and `status` and backwards for `down`; `all down`
 * needs `--yes`, since it takes a step back in every department at once.
 */
export function readMigrationArguments(argv: readonly string[]): MigrationPlan {
  const confirmed = argv.includes('--yes');
  const [target, command, ...rest] = argv.filter((argument) => argument !== '--yes');
  if (target === undefined || command === undefined) {
    refuse('pnpm migrate needs a subgraph (or all) and a command');
  }
  if (rest.length > 0) {
    refuse(`unexpected argument ${rest[0]}`);
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    refuse(`unknown command ${command}: expected ${COMMANDS.join(', ')}`);
  }
  if (target === 'all') {
    if (command === 'down' && !confirmed) {
      refuse('`all down` reverts the last migration of every subgraph: add --yes to mean it, or name one subgraph');
    }
    return { command: command as Command, subgraphs: command === 'down' ? [...SUBGRAPHS].reverse() : [...SUBGRAPHS] };
  }
  const entry = SUBGRAPHS.find((candidate) => candidate.name === target);
  if (!entry) {
    refuse(`unknown subgraph ${target}: expected ${SUBGRAPHS.map((candidate) => candidate.name).join(', ')} or all`);
  }
  return { command: command as Command, subgraphs: [entry] };
}
