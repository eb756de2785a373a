import { SUBGRAPHS, type SubgraphEntry } from '@shequ/schema';
import { checkSubgraphs } from './check';
import { formatCheckReport } from './check-report';
import { ReleaseRefused, releaseSubgraphs } from './release';
import { SchemaCheckError } from './schema-check-error';

/** Where a command prints, and which repository it works on: the checkout from the command line, a copy in tests. */
export interface CommandContext {
  root: string;
  entries?: readonly SubgraphEntry[];
  out: (text: string) => void;
  err: (text: string) => void;
}

/** `pnpm check`: prints the report; 0 when every subgraph passes, 1 otherwise. */
export async function runCheckCommand(context: CommandContext): Promise<number> {
  return refusalsAsExitCode(context, async () => {
    const report = await checkSubgraphs({ root: context.root, entries: context.entries });
    context.out(formatCheckReport(report));
    return report.passed ? 0 : 1;
  });
}

/** `pnpm release <subgraph> [<subgraph>…]`: 0 when released or when there was nothing to release, 1 when refused. */
export async function runReleaseCommand(args: readonly string[], today: string, context: CommandContext): Promise<number> {
  return refusalsAsExitCode(context, async () => {
    const names = (context.entries ?? SUBGRAPHS).map((entry) => entry.name).join('|');
    if (args.length === 0) {
      throw new SchemaCheckError('USAGE', `usage: pnpm release <${names}> [more subgraphs released with it]`);
    }
    try {
      const result = await releaseSubgraphs({ root: context.root, entries: context.entries, names: args, today });
      context.out(formatCheckReport(result.report));
      context.out(`${result.message}\n`);
      return 0;
    } catch (error) {
      if (error instanceof ReleaseRefused) {
        // Show the department what failed, then the refusal.
        context.out(formatCheckReport(error.report));
      }
      throw error;
    }
  });
}

async function refusalsAsExitCode(context: CommandContext, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SchemaCheckError) {
      context.err(`${error.code}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
