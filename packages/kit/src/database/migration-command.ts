import type { SubgraphDefinition } from '../subgraph/subgraph-definition';
import { createLogger } from '../logging/logger';
import { createServiceDataSource } from './data-source';
import { applyPendingMigrations, migrationStates, pendingMigrationNames, revertLastMigration, type MigrationState } from './migrations';

/** What `main.js migrate <command>` does: apply the pending migrations, revert the last, or list them all. */
export const MIGRATION_COMMANDS = ['up', 'down', 'status'] as const;
export type MigrationCommand = (typeof MIGRATION_COMMANDS)[number];

/** What a migration command needs of a subgraph: its name, its schema and its migrations (no resolvers, no secrets). */
export type MigrationTarget = Pick<SubgraphDefinition<unknown>, 'name' | 'databaseSchema' | 'entities' | 'migrations'>;

export function isMigrationCommand(word: string | undefined): word is MigrationCommand {
  return (MIGRATION_COMMANDS as readonly string[]).includes(word ?? '');
}

/** A migration command that did not do its work; the message says what and why, without a stack. */
export class MigrationCommandError extends Error {
  override name = 'MigrationCommandError';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function statusLines(target: MigrationTarget, states: MigrationState[]): string[] {
  const pending = states.filter((state) => !state.applied).length;
  const width = Math.max(0, ...states.map((state) => state.name.length));
  return [
    `${target.name} (schema ${target.databaseSchema}): ${plural(states.filter((state) => !state.unknownToThisBuild).length, 'migration')}, ${pending === 0 ? 'none pending' : `${pending} pending`}`,
    ...states.map(
      (state) => `  ${state.applied ? 'applied' : 'pending'}  ${state.name.padEnd(width)}${state.unknownToThisBuild ? '  (applied by another release: not in this build)' : ''}`.trimEnd(),
    ),
  ];
}

/** What PostgreSQL, the driver or TypeORM said, with PostgreSQL's detail and hint; never a stack or the connection's URL. */
export function failureReason(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  // Node reports a host it tried at several addresses (localhost: ::1 and 127.0.0.1) as an AggregateError with no message of its own.
  const own = error.message || (error instanceof AggregateError ? error.errors.map(failureReason).join('; ') : '') || error.name;
  const driver = ((error as { driverError?: unknown }).driverError ?? error) as { detail?: string; hint?: string };
  return [own, driver.detail && `detail: ${driver.detail}`, driver.hint && `hint: ${driver.hint}`].filter(Boolean).join('\n  ');
}

/**
 * Runs one migration command for a subgraph against the database at
 * `databaseUrl`, printing what it did as readable lines. `up` and `down`
 * hold the schema's migration lock, the one a starting process takes, so a
 * job and a replica never migrate at once; `status` only reads. Throws a
 * MigrationCommandError saying what failed.
 */
export async function runMigrationCommand(target: MigrationTarget, command: MigrationCommand, databaseUrl: string, print: (line: string) => void): Promise<void> {
  const { dataSource } = createServiceDataSource({
    url: databaseUrl,
    schema: target.databaseSchema,
    entities: target.entities,
    migrations: target.migrations,
    // The command prints its own lines; a failure is its message, not a logged stack.
    logger: createLogger(target.name, 'silent'),
    poolSize: 2,
  });
  const failed = (what: string, error: unknown) => new MigrationCommandError(`${target.name}: migrate ${command} failed${what}: ${failureReason(error)}`);
  try {
    await dataSource.initialize();
  } catch (error) {
    throw failed(' to connect', error);
  }
  try {
    if (command === 'status') {
      statusLines(target, await migrationStates(dataSource, target.databaseSchema)).forEach(print);
    } else if (command === 'up') {
      const pending = await pendingMigrationNames(dataSource, target.databaseSchema);
      const applied = await applyPendingMigrations(dataSource, target.databaseSchema).catch(async (error: unknown) => {
        // Each migration commits on its own: the first still pending is the one that failed.
        const stillPending = await pendingMigrationNames(dataSource, target.databaseSchema).catch((): string[] => []);
        const failing = pending.find((name) => stillPending.includes(name));
        throw failed(failing ? ` at ${failing}` : '', error);
      });
      applied.forEach((name) => print(`${target.name}: applied ${name}`));
      const total = (await migrationStates(dataSource, target.databaseSchema)).filter((state) => state.applied && !state.unknownToThisBuild).length;
      print(`${target.name}: ${applied.length === 0 ? 'nothing to apply, ' : ''}up to date (${plural(total, 'migration')} applied)`);
    } else {
      const reverted = await revertLastMigration(dataSource, target.databaseSchema);
      print(reverted ? `${target.name}: reverted ${reverted}` : `${target.name}: nothing to revert (no migration applied)`);
    }
  } catch (error) {
    throw error instanceof MigrationCommandError ? error : failed('', error);
  } finally {
    await dataSource.destroy();
  }
}
