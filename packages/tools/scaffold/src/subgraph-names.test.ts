import { databaseSchemaOf, SUBGRAPHS } from '@shequ/schema';
import { ScaffoldError } from './scaffold-error';
import { MAX_NAME_LENGTH, subgraphNames } from './subgraph-names';

function refusalOf(run: () => unknown): ScaffoldError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScaffoldError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the names derived from a subgraph name', () => {
  it('gives every identifier of neighbourhood-watch', () => {
    expect(subgraphNames('neighbourhood-watch')).toEqual({
      name: 'neighbourhood-watch',
      title: 'Neighbourhood watch',
      words: 'neighbourhood watch',
      Name: 'NeighbourhoodWatch',
      camelName: 'neighbourhoodWatch',
      schema: 'neighbourhood_watch',
      NAME: 'NEIGHBOURHOOD_WATCH',
      urlVariable: 'NEIGHBOURHOOD_WATCH_URL',
      databaseUrlVariable: 'NEIGHBOURHOOD_WATCH_DATABASE_URL',
      directory: 'services/neighbourhood-watch',
      packageName: '@shequ/neighbourhood-watch',
      Entity: 'NeighbourhoodWatchRecord',
      mutation: 'registerNeighbourhoodWatchRecord',
      communityField: 'neighbourhoodWatchRecords',
      auditLogField: 'neighbourhoodWatchAuditLog',
    });
  });

  it('keeps digits where they stand', () => {
    expect(subgraphNames('district-9-watch')).toMatchObject({ Name: 'District9Watch', camelName: 'district9Watch', schema: 'district_9_watch', NAME: 'DISTRICT_9_WATCH' });
  });

  it('follows the conventions of every subgraph already in the list', () => {
    for (const entry of SUBGRAPHS) {
      const names = subgraphNames(entry.name);
      expect([names.directory, names.urlVariable, names.databaseUrlVariable, names.schema]).toEqual([entry.directory, entry.urlVariable, entry.databaseUrlVariable, databaseSchemaOf(entry.name)]);
    }
    expect(subgraphNames('public-safety').auditLogField).toBe('publicSafetyAuditLog');
  });

  it(`takes a name of ${MAX_NAME_LENGTH} characters`, () => {
    const name = `watch-${'x'.repeat(MAX_NAME_LENGTH - 6)}`;
    expect(subgraphNames(name).schema).toBe(name.replace('-', '_'));
  });

  it.each([
    ['', 'not a subgraph name'],
    ['Neighbourhood-watch', 'lower-case kebab-case'],
    ['neighbourhood_watch', 'lower-case kebab-case'],
    ['neighbourhood watch', 'lower-case kebab-case'],
    ['-watch', 'lower-case kebab-case'],
    ['watch-', 'lower-case kebab-case'],
    ['neighbourhood--watch', 'lower-case kebab-case'],
    ['9-watch', 'starting with a letter'],
    ['wätch', 'lower-case kebab-case'],
    ['x'.repeat(MAX_NAME_LENGTH + 1), `at most ${MAX_NAME_LENGTH}`],
    ['public', 'PostgreSQL reserves'],
    ['pg-watch', 'schema pg_watch, which PostgreSQL reserves'],
    ['information-schema', 'PostgreSQL reserves'],
  ])('refuses %j, saying it is %s', (name, says) => {
    const refusal = refusalOf(() => subgraphNames(name));
    expect(refusal.code).toBe('BAD_NAME');
    expect(refusal.message).toContain(says);
  });
});
