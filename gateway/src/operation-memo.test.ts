import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { memoizedPerOperation } from './operation-memo';

const schema = buildSchema(`type Query { region(code: String!): Region } type Region { code: String communities(first: Int! = 20): [String!]! }`);
const QUERY = `query Page($n: Int!) { region(code: "620100") { communities(first: $n) } }`;

function parsed() {
  const document = parse(QUERY);
  return { document, operation: document.definitions[0] as OperationDefinitionNode };
}

/** A stand-in for an estimate: counts how often it is worked out, and answers from the variables. */
function counting() {
  let computed = 0;
  const memo = memoizedPerOperation((_schema, _document, _operation, variables) => {
    computed += 1;
    return { first: variables.n };
  });
  return { memo, computed: () => computed };
}

describe('memoizedPerOperation', () => {
  it('works an operation out once per variables, and each new variables value anew', () => {
    const { memo, computed } = counting();
    const { document, operation } = parsed();
    const seven = memo(schema, document, operation, { n: 7 });
    expect(seven).toEqual({ first: 7 });
    expect(memo(schema, document, operation, { n: 7 })).toBe(seven);
    expect(Object.isFrozen(seven)).toBe(true);
    expect(memo(schema, document, operation, { n: 90 })).toEqual({ first: 90 });
    expect(computed()).toBe(2);
  });

  it('keeps answers apart for another document object or another schema', () => {
    const { memo, computed } = counting();
    const first = parsed();
    memo(schema, first.document, first.operation, { n: 7 });
    const again = parsed();
    memo(schema, again.document, again.operation, { n: 7 });
    memo(buildSchema('type Query { a: Int }'), first.document, first.operation, { n: 7 });
    expect(computed()).toBe(3);
  });

  it('works out, and keeps nothing for, variables nested too deeply to write out', () => {
    const { memo, computed } = counting();
    const { document, operation } = parsed();
    let deep: unknown = [];
    for (let depth = 0; depth < 100_000; depth += 1) {
      deep = [deep];
    }
    expect(memo(schema, document, operation, { n: 4, deep })).toEqual({ first: 4 });
    memo(schema, document, operation, { n: 4, deep });
    expect(computed()).toBe(2);
  });

  it('keeps nothing for a mutation, whose variables differ from one request to the next', () => {
    const { memo, computed } = counting();
    const mutationSchema = buildSchema(`type Query { a: Int } type Mutation { submit(n: Int!): Int }`);
    const document = parse(`mutation Submit($n: Int!) { submit(n: $n) }`);
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(memo(mutationSchema, document, operation, { n: 1 })).toEqual({ first: 1 });
    memo(mutationSchema, document, operation, { n: 1 });
    expect(computed()).toBe(2);
  });

  it('keeps nothing for variables too long to key', () => {
    const { memo, computed } = counting();
    const { document, operation } = parsed();
    const long = { n: 3, padding: 'x'.repeat(3000) };
    memo(schema, document, operation, long);
    memo(schema, document, operation, long);
    expect(computed()).toBe(2);
  });
});
