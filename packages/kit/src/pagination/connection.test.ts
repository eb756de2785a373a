import { encodeCursor, readPage, type CursorPart } from './connection';

const ID = '0b6a3c1e-5d2f-4a8b-9c7d-1e2f3a4b5c6d';
const raw = (text: string) => Buffer.from(text).toString('base64url');
const refusal = (after: string, shape: readonly CursorPart[]) => {
  try {
    readPage({ after }, shape);
  } catch (error) {
    return (error as { message: string; extensions: Record<string, unknown> }).extensions;
  }
  return 'accepted';
};

describe('readPage', () => {
  it.each([
    [['integer', 'id'], [2026, ID]],
    [['bigint'], ['9223372036854775807']],
    [['text', 'text'], ['幸福社区', '620102001001']],
    [['instant', 'id'], ['2026-03-01T08:30:00.123Z', ID]],
    [['date', 'id'], ['2024-02-29', ID]],
  ] as [CursorPart[], unknown[]][])('reads a cursor of shape %j', (shape, key) => {
    expect(readPage({ first: 5, after: encodeCursor(key) }, shape)).toEqual({ first: 5, after: key });
  });

  it.each([
    ['wrong arity', encodeCursor([2026]), ['integer', 'id']],
    ['too many parts', encodeCursor([2026, ID, 1]), ['integer', 'id']],
    ['a string for a number', encodeCursor(['2026', ID]), ['integer', 'id']],
    ['a fraction for an integer', encodeCursor([20.5, ID]), ['integer', 'id']],
    ['an integer out of range', encodeCursor([2 ** 31, ID]), ['integer', 'id']],
    ['a number for a bigint', encodeCursor([12]), ['bigint']],
    ['a bigint out of range', encodeCursor(['9223372036854775808']), ['bigint']],
    ['not a UUID', encodeCursor([2026, 'x']), ['integer', 'id']],
    ['an impossible date', encodeCursor(['2026-02-30', ID]), ['date', 'id']],
    ['year zero', encodeCursor(['0000-01-01', ID]), ['date', 'id']],
    ['an instant in another form', encodeCursor(['2026-03-01 08:30:00', ID]), ['instant', 'id']],
    ['an impossible instant', encodeCursor(['2026-13-01T00:00:00.000Z', ID]), ['instant', 'id']],
    ['NUL in text', encodeCursor(['a\u0000b']), ['text']],
    ['a lone surrogate in text', encodeCursor(['\ud800']), ['text']],
    ['an object', raw('{"code":"620102001001"}'), ['text']],
    ['not JSON', raw('[620102'), ['text']],
    ['not base64', '%%%not-base64%%%', ['text']],
    ['empty', '', ['text']],
    ['over-long', encodeCursor(['a'.repeat(2000)]), ['text']],
  ] as [string, string, CursorPart[]][])('refuses %s as BAD_USER_INPUT naming after', (_case, after, shape) => {
    expect(refusal(after, shape)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});
