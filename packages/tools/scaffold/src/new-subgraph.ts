import { parseArgs } from 'node:util';
import { repositoryRootOf } from './repository';
import { planSubgraph, writeSubgraph, type SubgraphPlan } from './scaffold';
import { ScaffoldError } from './scaffold-error';
import { SUBGRAPH_LIST_PATH } from './subgraph-list';

export const USAGE = 'usage: pnpm new-subgraph <name> --port <port> [--dry-run] [--no-compose]   (e.g. pnpm new-subgraph neighbourhood-watch --port 4006)';

export interface Terminal {
  /** Where the command looks for the repository (it uses the nearest one up). */
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  now?: number;
  /**
   * Runs a command of the repository's own in its root, its output shown, and
   * answers its exit code. Without it (tests) the scaffold writes and only
   * prints the steps that follow.
   */
  run?: (command: string, args: string[], cwd: string) => number;
}

/** The package manager exactly as the README runs it. */
const PNPM = ['-y', 'pnpm@10.34.9'];

interface Arguments {
  name: string;
  port: string | undefined;
  dryRun: boolean;
  compose: boolean;
  help: boolean;
}

function readArguments(argv: string[]): Arguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'no-compose': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // node:util names the option it could not take ("Unknown option '--prot'"). Its error may come from another realm
    // than this module's Error (under jest it does), so it is read by shape.
    const message = (error as { message?: unknown } | null)?.message;
    throw new ScaffoldError('BAD_ARGUMENTS', typeof message === 'string' ? message : String(error));
  }
  const { positionals, values } = parsed;
  if (!values.help && positionals.length !== 1) {
    throw new ScaffoldError('BAD_ARGUMENTS', positionals.length === 0 ? 'name the subgraph' : `one name only, got ${positionals.join(' ')}`);
  }
  return { name: positionals[0], port: values.port, dryRun: values['dry-run'], compose: !values['no-compose'], help: values.help };
}

function dryRunReport(plan: SubgraphPlan): string {
  const { names } = plan;
  return [
    `Would write ${names.directory}/ (${plan.files.length} files):`,
    ...plan.files.map((file) => `  ${names.directory}/${file.path}`),
    `and add to ${SUBGRAPH_LIST_PATH}:`,
    plan.entry.trimEnd(),
    'Nothing was written (--dry-run).',
    '',
  ].join('\n');
}

/** The steps that link and compose the new subgraph, which the scaffold runs itself unless told not to. */
const COMPOSE_STEPS = ['install', 'compose'] as const;

/** What to run after the scaffold, in order: each step needs the one before (compose builds the package install linked). */
export function nextSteps(plan: SubgraphPlan, composed = false): string {
  const { names } = plan;
  const steps = [
    ...(composed
      ? []
      : [
          ['pnpm install', `links ${names.packageName} into the workspace`],
          ['pnpm compose', 'builds it, emits its schema.graphql and composes the supergraph with it'],
        ]),
    ['pnpm infra', 'writes it into the compose file and the Kubernetes manifests under infra/'],
    [`pnpm test --filter=${names.packageName}`, 'its own tests'],
    ['pnpm test --filter=@shequ/e2e', 'the graph with it: the authorisation matrix walks its rule'],
  ];
  const width = Math.max(...steps.map(([command]) => command.length));
  return [
    `Wrote ${names.directory}/ (${plan.files.length} files) and added ${names.name} to ${SUBGRAPH_LIST_PATH} on port ${plan.port}${composed ? '; installed and composed' : ''}.`,
    '',
    'Next, from the repository root:',
    ...steps.map(([command, why]) => `  ${command.padEnd(width)}  # ${why}`),
    '',
    `Then make it the department's own (rename ${names.Entity}, add its tables and fields: ${names.directory}/README.md), and commit`,
    `${names.directory}/, the list, pnpm-lock.yaml, every regenerated *.graphql and infra/.`,
    '',
  ].join('\n');
}

/** `pnpm new-subgraph`: the exit code, having written to the terminal what it did or why it refused. */
export function runNewSubgraph(argv: string[], terminal: Terminal): number {
  try {
    const args = readArguments(argv);
    if (args.help) {
      terminal.out(`${USAGE}\n`);
      return 0;
    }
    const plan = planSubgraph({ root: repositoryRootOf(terminal.cwd), name: args.name, port: args.port, now: terminal.now });
    if (args.dryRun) {
      terminal.out(dryRunReport(plan));
      return 0;
    }
    writeSubgraph(plan);
    if (!args.compose || !terminal.run) {
      terminal.out(nextSteps(plan));
      return 0;
    }
    for (const step of COMPOSE_STEPS) {
      terminal.out(`\nnew-subgraph: pnpm ${step}\n`);
      const code = terminal.run('npx', [...PNPM, step], plan.root);
      if (code !== 0) {
        terminal.err(`new-subgraph: pnpm ${step} failed (exit code ${code}); the files are written: fix what it says, then go on from it.\n`);
        terminal.out(nextSteps(plan));
        return 1;
      }
    }
    terminal.out(nextSteps(plan, true));
    return 0;
  } catch (error) {
    if (error instanceof ScaffoldError) {
      terminal.err(`new-subgraph: ${error.code}: ${error.message}\n${error.code === 'BAD_ARGUMENTS' ? `${USAGE}\n` : ''}Nothing was written.\n`);
      return 1;
    }
    throw error;
  }
}
