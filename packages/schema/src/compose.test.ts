import { composeSupergraph, readCommittedSupergraph } from './compose';
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
