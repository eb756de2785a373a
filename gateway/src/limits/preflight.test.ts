import { OperationTypeNode } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { DEFAULT_LIMITS } from './operation-limits';
import { createPreflight } from './preflight';
import { TrustedDocuments } from './trusted-documents';

const anonymous = { headers: {} } as IncomingMessage;
const QUERY = 'query A { region(code: "620100") { name } } query B { region(code: "620200") { name } }';

function outcome(preflight: ReturnType<typeof createPreflight>, body: Record<string, unknown>): string {
  const result = preflight(body, anonymous);
  return 'error' in result ? `${result.status} ${result.error.message}` : 'passed';
}

describe('the preflight, for a document it has already passed', () => {
  it('still checks the operation each request names', () => {
    const preflight = createPreflight(DEFAULT_LIMITS, TrustedDocuments.none(), new Set([OperationTypeNode.QUERY]));
    expect(outcome(preflight, { query: QUERY, operationName: 'A' })).toBe('passed');
    expect(outcome(preflight, { query: QUERY, operationName: 'A' })).toBe('passed');
    expect(outcome(preflight, { query: QUERY, operationName: 'C' })).toBe('400 the document has no operation named "C"');
    expect(outcome(preflight, { query: QUERY })).toBe('400 the document holds several operations: name one in "operationName"');
    expect(outcome(preflight, { query: QUERY, operationName: 7 })).toBe('400 "operationName" must be a string');
  });

  it('refuses a document over the limits every time it comes', () => {
    const preflight = createPreflight(DEFAULT_LIMITS, TrustedDocuments.none(), new Set([OperationTypeNode.QUERY]));
    const deep = `{ ${'region(code: "620100") { children { '.repeat(10)}name${' } }'.repeat(10)} }`;
    const first = outcome(preflight, { query: deep });
    expect(first).toMatch(/^400 .*depth/);
    expect(outcome(preflight, { query: deep })).toBe(first);
  });
});
