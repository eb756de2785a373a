import { readFileSync } from 'node:fs';
import { API_SCHEMA_PATH, apiSchemaOf, composeSupergraph, readCommittedSupergraph } from './compose';
import { SUBGRAPHS } from './subgraphs';

describe('the committed supergraph', () => {
  it('is exactly what composing the committed subgraph schemas gives (run `pnpm compose` when this fails)', () => {
    expect(readCommittedSupergraph()).toBe(composeSupergraph());
  });

  it('routes every listed subgraph', () => {
    const supergraph = readCommittedSupergraph();
    for (const entry of SUBGRAPHS) {
      expect(supergraph).toContain(`url: "http://localhost:${entry.port}/graphql"`);
    }
  });
});

describe('the committed API schema', () => {
  it('is the committed supergraph as its callers see it (run `pnpm compose` when this fails)', () => {
    expect(readFileSync(API_SCHEMA_PATH, 'utf8')).toBe(apiSchemaOf(readCommittedSupergraph()));
  });

  it('keeps every caller-facing type and description and none of federation’s internals', () => {
    const api = readFileSync(API_SCHEMA_PATH, 'utf8');
    expect(api).not.toMatch(/join__|link__|@join|@link/);
    expect(api).toContain('type Query');
    expect(api).toContain('indicatorTable(');
    expect(api).toContain('When the last refresh finished; null if never.');
  });
});
