import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startLocalServer } from '@shequ/database';
import { parseEnvironment, runMain, StartupError } from '@shequ/kit';
import { isScaleName, SCALES } from '@shequ/kit/testing';
import { seedDatabase, seedEmptyDatabase } from './seed';

const USAGE = `usage: pnpm seed [--scale ${Object.keys(SCALES).join('|')}] [--seed N] [--if-empty]`;

/**
 * A seed that fails part-way has usually lost its database (a crash, a
 * restart, a dropped connection): the person running it needs the reason in
 * one line, not the pg driver's stack.
 */
function seedFailed(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `seed failed: ${message.split('\n')[0]}`;
}

runMain(async () => {
  const env = parseEnvironment(z.object({ DATABASE_URL: z.string().url().optional() }), process.env);
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'demo' }, seed: { type: 'string', default: '1' }, 'if-empty': { type: 'boolean', default: false } } });
  const seed = Number(values.seed);
  if (!isScaleName(values.scale) || !Number.isInteger(seed) || seed < 0) {
    throw new StartupError(`--scale must be one of ${Object.keys(SCALES).join(', ')} and --seed a whole number\n${USAGE}`);
  }
  const server = env.DATABASE_URL ? null : await startLocalServer();
  try {
    const databaseUrl = env.DATABASE_URL ?? (server?.url as string);
    const options = { databaseUrl, scale: values.scale, seed, log: (message: string) => process.stdout.write(`${message}\n`) };
    if (!values['if-empty']) {
      await seedDatabase(options);
    } else if (!(await seedEmptyDatabase(options))) {
      // Without --if-empty the seed replaces everything: here the data written through the graph stays.
      options.log('the database already holds regions: left as it is (--if-empty)');
    }
  } catch (error) {
    // runMain prints a StartupError's message as it is, without a stack.
    throw new StartupError(seedFailed(error));
  } finally {
    await server?.stop();
  }
});
