import { GraphQLError } from 'graphql';
import { assertDistinct, assertIds } from './lists';
import { assertYuan } from './money';
import { assertIntegerBetween, assertYear } from './numbers';

function refusal(read: () => unknown): { code: unknown; argument: unknown } | null {
  try {
    read();
    return null;
  } catch (error) {
    if (!(error instanceof GraphQLError)) {
      throw error;
    }
    return { code: error.extensions.code, argument: error.extensions.argument };
  }
}

const BAD = { code: 'BAD_USER_INPUT' };
const ID_A = '00000000-0000-4000-8000-000000000001';
const ID_B = '00000000-0000-4000-8000-000000000002';

describe('whole numbers and years', () => {
  it('accepts both ends of the range and refuses beyond them, fractions and non-numbers', () => {
    expect(assertIntegerBetween(1, 'input.satisfaction', 1, 5)).toBe(1);
    expect(assertIntegerBetween(5, 'input.satisfaction', 1, 5)).toBe(5);
    for (const value of [0, 6, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(refusal(() => assertIntegerBetween(value, 'input.satisfaction', 1, 5))).toEqual({ ...BAD, argument: 'input.satisfaction' });
    }
  });

  it('takes years from 2000 to 2100, or to a nearer last year', () => {
    expect(assertYear(2000, 'input.year')).toBe(2000);
    expect(assertYear(2100, 'input.year')).toBe(2100);
    for (const value of [1999, 2101, 0, 2026.5]) {
      expect(refusal(() => assertYear(value, 'input.year'))).toEqual({ ...BAD, argument: 'input.year' });
    }
    expect(assertYear(2027, 'input.year', 2027)).toBe(2027);
    expect(refusal(() => assertYear(2028, 'input.year', 2027))).toEqual({ ...BAD, argument: 'input.year' });
  });
});

describe('lists', () => {
  it('reads ids once each, within the limit (counted as sent), refusing anything not an id', () => {
    expect(assertIds([ID_A, ID_B, ID_A], 'input.volunteerIds', { max: 3 })).toEqual([ID_A, ID_B]);
    expect(refusal(() => assertIds([], 'input.volunteerIds', { max: 2 }))).toEqual({ ...BAD, argument: 'input.volunteerIds' });
    expect(refusal(() => assertIds([ID_A, ID_B, ID_A], 'input.volunteerIds', { max: 2 }))).toEqual({ ...BAD, argument: 'input.volunteerIds' });
    expect(refusal(() => assertIds([ID_A, "x' OR 1=1"], 'input.volunteerIds', { max: 5 }))).toEqual({ ...BAD, argument: 'input.volunteerIds' });
  });

  it('refuses a choice given twice, and counts outside the bounds', () => {
    expect(assertDistinct(['IT', 'LEGAL'], 'input.skills', { max: 3 })).toEqual(['IT', 'LEGAL']);
    expect(refusal(() => assertDistinct(['IT', 'IT'], 'input.skills', { max: 3 }))).toEqual({ ...BAD, argument: 'input.skills' });
    expect(refusal(() => assertDistinct([], 'input.skills', { max: 3 }))).toEqual({ ...BAD, argument: 'input.skills' });
    expect(assertDistinct([], 'input.skills', { max: 3, min: 0 })).toEqual([]);
    expect(refusal(() => assertDistinct(['A', 'B', 'C', 'D'], 'input.skills', { max: 3 }))).toEqual({ ...BAD, argument: 'input.skills' });
  });
});

describe('money', () => {
  it('takes yuan to the fen and refuses a fraction of a fen rather than rounding it', () => {
    expect(assertYuan(1234.56, 'input.amount', { max: 1e10, exclusiveMin: true })).toBe(1234.56);
    expect(assertYuan(0.01, 'input.amount', { max: 1e10, exclusiveMin: true })).toBe(0.01);
    expect(assertYuan(0, 'input.budget', { max: 1e10 })).toBe(0);
    for (const value of [0, 0.001, 1234.567, -5, 1e10 + 0.01, Number.NaN]) {
      expect(refusal(() => assertYuan(value, 'input.amount', { max: 1e10, exclusiveMin: true }))).toEqual({ ...BAD, argument: 'input.amount' });
    }
  });
});
