import { parse } from 'graphql';
import { checkDocumentLimits, DEFAULT_DOCUMENT_LIMITS, measureDocument } from './document-limits';

describe('measureDocument', () => {
  it('counts depth, aliases and directives with fragments expanded where used', () => {
    const shape = measureDocument(
      parse(`query Q @a { x: region { ...F ...F } }
             fragment F on Region { a: children { b: code @include(if: true) } }`),
    );
    expect(shape).toEqual({ depth: 3, aliases: 5, directives: 3 });
  });

  it('does not loop on fragment cycles', () => {
    expect(measureDocument(parse(`{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`)).depth).toBe(0);
  });

  it('measures an entity fetch from below `_entities`', () => {
    const shape = measureDocument(parse(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { stats { rate } } } }`));
    expect(shape.depth).toBe(2);
  });
});

describe('checkDocumentLimits', () => {
  const limits = { ...DEFAULT_DOCUMENT_LIMITS, maxDepth: 3, maxAliases: 2, maxDirectives: 1, maxTokens: 40 };

  it('gives the parsed document when within every limit, and null when it does not parse', () => {
    const checked = checkDocumentLimits('{ a { b { c } } }', limits);
    expect('document' in checked && checked.document?.definitions).toHaveLength(1);
    expect(checkDocumentLimits('{ a { ', limits)).toEqual({ document: null });
  });

  it.each([
    ['depth', '{ a { b { c { d } } } }', 4],
    ['alias count', '{ x: a y: a z: a }', 3],
    ['directive count', '{ a @include(if: true) b @skip(if: false) }', 2],
    ['token count', `{ ${'a '.repeat(40)}}`, 42],
  ])('refuses a document over the %s limit, saying by how much', (limit, query, actual) => {
    const checked = checkDocumentLimits(query, limits);
    expect('error' in checked && checked.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit, actual });
  });
});
