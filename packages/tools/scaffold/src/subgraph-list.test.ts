import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_PORT, SUBGRAPHS } from '@shequ/schema';
import { ScaffoldError, type ScaffoldErrorCode } from './scaffold-error';
import { nextFreePort, readPort, readSubgraphList, withSubgraphEntry } from './subgraph-list';
import { subgraphNames } from './subgraph-names';

const LIST = `export const GATEWAY_PORT = 4000;

export const SUBGRAPHS = [
  {
    name: 'governance',
    directory: 'services/governance',
    port: 4001,
    urlVariable: 'GOVERNANCE_URL',
    databaseUrlVariable: 'GOVERNANCE_DATABASE_URL',
    department: true,
  },
  {
    name: 'statistics',
    directory: 'services/statistics',
    port: 4005,
    urlVariable: 'STATISTICS_URL',
    databaseUrlVariable: 'STATISTICS_DATABASE_URL',
    department: false,
  },
] as const satisfies readonly SubgraphEntry[];
`;

function refused(run: () => unknown, code: ScaffoldErrorCode, says: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScaffoldError);
    expect([(error as ScaffoldError).code, (error as ScaffoldError).message]).toEqual([code, expect.stringContaining(says)]);
    return;
  }
  throw new Error(`expected ${code}`);
}

describe('reading the subgraph list', () => {
  it('reads the repository’s own list as @shequ/schema has it', () => {
    // The file, not the built package: the scaffold reads the text it is about to edit.
    const list = readSubgraphList(readFileSync(join(__dirname, '..', '..', '..', 'schema', 'src', 'subgraphs.ts'), 'utf8'));
    expect(list.entries).toEqual(SUBGRAPHS.map(({ name, port, urlVariable, databaseUrlVariable }) => ({ name, port, urlVariable, databaseUrlVariable })));
    expect(list.gatewayPort).toBe(GATEWAY_PORT);
  });

  it('names the port after the highest taken as the next free one', () => {
    expect(nextFreePort(readSubgraphList(LIST))).toBe(4006);
    expect(nextFreePort(readSubgraphList(LIST.replace('GATEWAY_PORT = 4000', 'GATEWAY_PORT = 5000')))).toBe(5001);
  });

  it('refuses a list whose end it cannot find exactly once, at the start of a line', () => {
    refused(() => readSubgraphList(LIST.replace('] as const satisfies', '] satisfies')), 'UNREADABLE_LIST', 'ending with one "] as const satisfies"');
    refused(() => readSubgraphList(`${LIST}\n] as const satisfies\n`), 'UNREADABLE_LIST', 'ending with one');
    refused(() => readSubgraphList(LIST.replace('  },\n] as const', '  }] as const')), 'UNREADABLE_LIST', 'at the start of a line');
    refused(() => readSubgraphList(LIST.replace("    port: 4005,\n", '')), 'UNREADABLE_LIST', 'lacks its name, port or variables');
  });
});

describe('the entry added to the list', () => {
  it('comes last, on the port asked for, with variables named after the subgraph', () => {
    expect(withSubgraphEntry(LIST, subgraphNames('neighbourhood-watch'), 4010)).toBe(
      LIST.replace(
        '] as const',
        `  {
    name: 'neighbourhood-watch',
    directory: 'services/neighbourhood-watch',
    port: 4010,
    urlVariable: 'NEIGHBOURHOOD_WATCH_URL',
    databaseUrlVariable: 'NEIGHBOURHOOD_WATCH_DATABASE_URL',
    department: true,
  },
] as const`,
      ),
    );
  });

  it('is read back from the edited list', () => {
    const edited = withSubgraphEntry(LIST, subgraphNames('neighbourhood-watch'), 4010);
    expect(readSubgraphList(edited).entries.at(-1)).toEqual({ name: 'neighbourhood-watch', port: 4010, urlVariable: 'NEIGHBOURHOOD_WATCH_URL', databaseUrlVariable: 'NEIGHBOURHOOD_WATCH_DATABASE_URL' });
  });

  it.each([
    ['a name already listed', 'statistics', 4010, 'NAME_TAKEN', 'already has a subgraph named statistics (port 4005)'],
    ['a port already listed', 'neighbourhood-watch', 4005, 'PORT_TAKEN', 'port 4005 is already taken by statistics'],
    ['the gateway’s port', 'neighbourhood-watch', 4000, 'PORT_TAKEN', "port 4000 is the gateway's (4006 is free"],
    ['a name whose variable another subgraph reads', 'governance-database', 4010, 'NAME_TAKEN', "GOVERNANCE_DATABASE_URL, already governance's variable"],
    ['a name whose variable the platform reads', 'database', 4010, 'NAME_TAKEN', "DATABASE_URL, already the platform's own variable"],
    ['a name whose database variable is the tests’', 'test', 4010, 'NAME_TAKEN', 'TEST_DATABASE_URL'],
  ] as const)('is refused for %s', (_what, name, port, code, says) => {
    refused(() => withSubgraphEntry(LIST, subgraphNames(name), port), code, says);
  });
});

describe('--port', () => {
  it.each([['1024'], ['4006'], ['65535']])('takes %s', (value) => {
    expect(readPort(value)).toBe(Number(value));
  });

  it.each([['1023'], ['65536'], ['0'], ['-4006'], ['4006.5'], ['4e3'], ['0x1000'], [' 4006'], ['port'], ['']])('refuses %j', (value) => {
    refused(() => readPort(value, readSubgraphList(LIST)), 'BAD_PORT', `--port ${value}: a port is a whole number from 1024 to 65535 (4006 is free`);
  });

  it('is required, and the refusal suggests one', () => {
    refused(() => readPort(undefined, readSubgraphList(LIST)), 'BAD_PORT', '--port is required: the port the subgraph listens on (4006 is free');
  });
});
