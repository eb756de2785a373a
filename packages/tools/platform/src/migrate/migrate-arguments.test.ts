import { SUBGRAPHS } from '@shequ/schema';
import { readMigrationArguments } from './migrate-arguments';

const names = (argv: string[]) => {
  const plan = readMigrationArguments(argv);
  return { command: plan.command, subgraphs: plan.subgraphs.map((entry) => entry.name) };
};

describe('pnpm migrate arguments', () => {
  it('takes one subgraph of the list and a command', () => {
    expect(names(['volunteers', 'up'])).toEqual({ command: 'up', subgraphs: ['volunteers'] });
    expect(names(['public-safety', 'status'])).toEqual({ command: 'status', subgraphs: ['public-safety'] });
    expect(names(['statistics', 'down'])).toEqual({ command: 'down', subgraphs: ['statistics'] });
  });

  it('runs `all` in the list’s order for up and status, and backwards for down, which needs --yes', () => {
    const listed = SUBGRAPHS.map((entry) => entry.name);
    expect(names(['all', 'up']).subgraphs).toEqual(listed);
    expect(names(['all', 'status']).subgraphs).toEqual(listed);
    expect(names(['all', 'down', '--yes']).subgraphs).toEqual([...listed].reverse());
    expect(names(['--yes', 'all', 'down']).subgraphs).toEqual([...listed].reverse());
  });

  it.each([
    [[], 'pnpm migrate needs a subgraph (or all) and a command'],
    [['governance'], 'pnpm migrate needs a subgraph (or all) and a command'],
    [['finance', 'up'], `unknown subgraph finance: expected ${SUBGRAPHS.map((entry) => entry.name).join(', ')} or all`],
    [['governance', 'sideways'], 'unknown command sideways: expected up, down, status'],
    [['governance', 'up', 'now'], 'unexpected argument now'],
    [['all', 'down'], '`all down` reverts the last migration of every subgraph: add --yes to mean it, or name one subgraph'],
  ])('refuses %j, saying why and how it is used', (argv, problem) => {
    expect(() => readMigrationArguments(argv)).toThrow(`${problem}\nusage: pnpm migrate <subgraph|all> <up|down|status> [--yes]`);
  });
});
