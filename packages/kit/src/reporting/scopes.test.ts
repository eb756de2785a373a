import { chinaDays } from '../time/china-time';
import { aggregatedOverScopes } from './month-summary';
import { batchShape, builtOncePerShape } from './scopes';

const FACTS = { facts: 'SELECT community_code, 1 AS n FROM facts.fact', alias: 'f', aggregates: { n: 'sum(f.n)' } };

/** Batches whose statements differ in every way aggregatedOverScopes can make them differ, and batches of the same shape. */
const BATCHES = [
  ['620102001001'],
  ['620102001001', '620102001002'],
  ['6201'],
  ['6201', '6202'],
  ['62', '6201', '6202'],
  ['62', '6201', '620102001001'],
  ['620102', '620103', '620102001', '620102001001'],
  ['620103', '620104', '620103001', '620999001001'],
];

describe('builtOncePerShape', () => {
  it('gives every batch the text built for it, whatever was built before for other batches', () => {
    const build = jest.fn((source: typeof FACTS, prefixes: readonly string[]) => aggregatedOverScopes(source, prefixes));
    const kept = builtOncePerShape(build);
    for (const batch of [...BATCHES, ...[...BATCHES].reverse()]) {
      expect(kept(FACTS, batch)).toBe(aggregatedOverScopes(FACTS, batch));
    }
    // Built once per shape: one community or two, and the last two batches, share one; the second pass built nothing.
    expect(new Set(BATCHES.map(batchShape)).size).toBe(BATCHES.length - 2);
    expect(build).toHaveBeenCalledTimes(BATCHES.length - 2);
  });

  it('builds again for another window or another source', () => {
    const build = jest.fn((source: { name: string }, prefixes: readonly string[], window?: { first: string }) => `${source.name} ${prefixes.length} ${window?.first ?? 'always'}`);
    const kept = builtOncePerShape(build);
    const [one, other] = [{ name: 'one' }, { name: 'other' }];
    expect(kept(one, ['6201'], chinaDays('2026-01-01', '2026-01-31'))).toBe('one 1 2026-01-01');
    expect(kept(one, ['6202'], chinaDays('2026-01-01', '2026-01-31'))).toBe('one 1 2026-01-01');
    expect(kept(one, ['6201'], chinaDays('2026-02-01', '2026-02-28'))).toBe('one 1 2026-02-01');
    expect(kept(one, ['6201'])).toBe('one 1 always');
    expect(kept(other, ['6201'])).toBe('other 1 always');
    expect(build).toHaveBeenCalledTimes(4);
  });
});
