import { GraphQLError } from 'graphql';
import { assertOptionalText, assertText, codePoints } from './text';

function refusal(read: () => unknown): { code: unknown; argument: unknown; message: string } | null {
  try {
    read();
    return null;
  } catch (error) {
    if (!(error instanceof GraphQLError)) {
      throw error;
    }
    return { code: error.extensions.code, argument: error.extensions.argument, message: error.message };
  }
}

describe('text', () => {
  it('trims, and keeps what is inside', () => {
    expect(assertText('  幸福 社区 \n', 'input.name', 50)).toBe('幸福 社区');
  });

  it('counts characters as a reader does: code points, not UTF-16 units', () => {
    // 𠀋 is outside the Basic Multilingual Plane: two UTF-16 units, one character.
    expect('𠀋'.length).toBe(2);
    expect(codePoints('𠀋𠀋社')).toBe(3);
    expect(assertText('𠀋'.repeat(5), 'input.name', 5)).toBe('𠀋'.repeat(5));
    expect(refusal(() => assertText('𠀋'.repeat(6), 'input.name', 5))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'input.name',
      message: 'input.name: must be at most 5 characters (got 6)',
    });
  });

  it('allows exactly max characters, of any script, and refuses one more', () => {
    expect(assertText('社'.repeat(200), 'input.title', 200)).toHaveLength(200);
    expect(refusal(() => assertText('x'.repeat(201), 'input.title', 200))?.argument).toBe('input.title');
  });

  it.each(['', ' ', ' \n\t ', '\u3000'])('refuses %j as empty, naming the argument', (value) => {
    expect(refusal(() => assertText(value, 'input.reason', 500))).toEqual({ code: 'BAD_USER_INPUT', argument: 'input.reason', message: 'input.reason: must not be empty' });
  });

  it.each(['a\u0000b', 'x\ud800', '\udc00y'])('refuses %j, which PostgreSQL would not keep as sent', (value) => {
    expect(refusal(() => assertText(value, 'input.note', 100))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.note' });
  });

  it('gives null for optional text that is absent, empty or blank, and checks the rest', () => {
    expect(assertOptionalText(null, 'input.address', 10)).toBeNull();
    expect(assertOptionalText(undefined, 'input.address', 10)).toBeNull();
    expect(assertOptionalText('   ', 'input.address', 10)).toBeNull();
    expect(assertOptionalText(' 幸福路2号 ', 'input.address', 10)).toBe('幸福路2号');
    expect(refusal(() => assertOptionalText('x'.repeat(11), 'input.address', 10))?.argument).toBe('input.address');
  });
});
