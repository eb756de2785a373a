import { z } from 'zod';

/** The process cannot start, for a reason its message gives in full (a bad variable, a bad argument). */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** Parses `env` with `schema` once, at start; a bad variable throws naming it. */
export function parseEnvironment<Schema extends z.ZodTypeAny>(schema: Schema, env: NodeJS.ProcessEnv): z.output<Schema> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    throw new StartupError(`Invalid environment:\n${problems.join('\n')}`);
  }
  return result.data;
}

/** Runs a process's main function; a failure stops the process with exit code 1 and says why. */
export function runMain(main: () => Promise<unknown>): void {
  // Through a promise, so that a main that throws before its first await is reported the same way.
  Promise.resolve().then(main).catch((error: unknown) => {
    const message = error instanceof StartupError ? error.message : `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
}
