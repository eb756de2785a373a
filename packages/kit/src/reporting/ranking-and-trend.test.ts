import { GraphQLError } from 'graphql';
import { Granularity } from './granularity';
import { readRankingFirst } from './ranking';
import { scopeParameters, withinScope } from './scopes';
import { readTrendWindow } from './trend-window';

function refusedArgument(read: () => unknown): unknown {
  try {
    read();
    return null;
  } catch (error) {
    if (!(error instanceof GraphQLError)) {
      throw error;
    }
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    return error.extensions.argument;
  }
}

describe('readRankingFirst', () => {
  it('takes 1 to 100 and refuses anything else, naming first', () => {
    expect(readRankingFirst(1)).toBe(1);
    expect(readRankingFirst(100)).toBe(100);
    for (const first of [0, 101, -1, 2.5]) {
      expect(refusedArgument(() => readRankingFirst(first))).toBe('first');
    }
  });
});

describe('readTrendWindow', () => {
  const month = Granularity.MONTH;

  it('reads instants and gives the region’s prefix', () => {
    const window = readTrendWindow({ regionCode: '620100', from: new Date('2025-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z'), granularity: month });
    expect(window).toMatchObject({ regionCode: '620100', prefix: '6201', granularity: month });
  });

  it('allows 20 China calendar years and not a millisecond more', () => {
    const from = new Date('2005-03-01T10:00:00Z');
    expect(refusedArgument(() => readTrendWindow({ regionCode: '620000', from, to: new Date('2025-03-01T10:00:00Z'), granularity: month }))).toBeNull();
    expect(refusedArgument(() => readTrendWindow({ regionCode: '620000', from, to: new Date('2025-03-01T10:00:00.001Z'), granularity: month }))).toBe('to');
  });

  it.each([
    ['62', new Date('2025-01-01'), new Date('2026-01-01'), 'regionCode'],
    ['620100', new Date(Number.NaN), new Date('2026-01-01'), 'from'],
    ['620100', new Date('2025-01-01'), new Date(Number.NaN), 'to'],
    ['620100', new Date('2025-01-01'), new Date('2025-01-01'), 'to'],
    ['620100', new Date('2025-01-01'), new Date('2024-01-01'), 'to'],
    ['620100', new Date('1990-01-01'), new Date('2025-01-01'), 'to'],
  ])('refuses regionCode %s from %s to %s, naming %s', (regionCode, from, to, argument) => {
    expect(refusedArgument(() => readTrendWindow({ regionCode, from, to, granularity: month }))).toBe(argument);
  });

  it('reads China dates the same way', () => {
    expect(readTrendWindow({ regionCode: '620102', from: '2024-01-01', to: '2044-01-01', granularity: Granularity.YEAR })).toMatchObject({ prefix: '620102', from: '2024-01-01', to: '2044-01-01' });
    expect(refusedArgument(() => readTrendWindow({ regionCode: '620102', from: '2024-01-01', to: '2044-01-02', granularity: month }))).toBe('to');
    expect(refusedArgument(() => readTrendWindow({ regionCode: '620102', from: '2025-02-30', to: '2026-01-01', granularity: month }))).toBe('from');
    expect(refusedArgument(() => readTrendWindow({ regionCode: '620102', from: '2025-01-01', to: '2024-12-31', granularity: month }))).toBe('to');
  });
});

describe('scopes', () => {
  it('gives each code the prefix its rows start with', () => {
    expect(scopeParameters(['620000', '620100', '620102', '620102001', '620102001001'])).toEqual([
      ['620000', '620100', '620102', '620102001', '620102001001'],
      ['62', '6201', '620102', '620102001', '620102001001'],
    ]);
    expect(withinScope('t.community_code')).toBe("(t.community_code >= scope.prefix AND t.community_code < scope.prefix || ':')");
  });
});
