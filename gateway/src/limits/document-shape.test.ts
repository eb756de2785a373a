import { parse } from 'graphql';
import { measureDocument } from './document-shape';

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
});
