import { corpusAnalyst as analyst, type HostileRequest, INPUT_REFUSALS, json, query, TOKEN_REFUSALS } from '@shequ/kit/testing';
import { forgedTokens } from './forged-tokens';

const refused = INPUT_REFUSALS;
/** A page of communities with a figure from every department and governance's assessment over them. */
const EVERY_DEPARTMENT = 'communities(first: 100) { edges { node { serviceStats { facilityCount } volunteerStats { registeredVolunteers } safetyStats { incidentsLast12Months } assessment { score } } } }';

/**
 * The corpus: malformed JSON, wrong content types, huge bodies, deep and wide
 * queries, alias and fragment bombs, circular fragments, batched-array abuse,
 * injection strings in every filter and text input, invalid UTF-8, absurd
 * numbers and dates, forged or `alg: none` tokens, tokens for another
 * jurisdiction.
 */
export function hostileRequests(): HostileRequest[] {
  const requests: HostileRequest[] = [];
  for (const body of ['{', '{"query":', 'null', '[]', '"query"', '{"query": 42}', '{"query": null}', '{"query": "{ __typename }", "variables": "x"}', '{"query": "{ __typename }", "variables": [1]}', '{"query": "{ __typename }", "operationName": 7}', 'x'.repeat(50), '{"query": "{ __typename }"}}']) {
    requests.push({ name: `malformed JSON ${body.slice(0, 30)}`, body, refusedWith: [...refused, 'PERSISTED_QUERY_NOT_FOUND'] });
  }
  // A UTF-8 byte-order mark is allowed before JSON; the request is answered.
  requests.push({ name: 'byte-order mark', body: '\ufeff{"query": "{ __typename }"}' });
  // JSON lets the last of two equal keys win: the request is answered as the mutation it ends with, like any parser would.
  requests.push({ name: 'duplicate keys', body: '{"query": "{ __typename }", "query": "query Second { __typename }"}' });
  for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', null, 'application/graphql', 'application/json; charset=latin1']) {
    requests.push({ name: `content type ${contentType}`, contentType, body: JSON.stringify({ query: '{ region(code: "620000") { code } }' }) });
  }
  requests.push({ name: 'PUT', method: 'PUT', body: JSON.stringify({ query: '{ __typename }' }), refusedWith: refused });
  requests.push({ name: 'GET mutation', method: 'GET', search: `?query=${encodeURIComponent('mutation { draftPlan(input: {regionCode: "620100", kind: ANNUAL, title: "x", startYear: 2027, endYear: 2027}) { id } }')}`, refusedWith: refused });
  requests.push({ name: 'GET NUL', method: 'GET', search: '?query=%00', refusedWith: refused });
  requests.push({ name: 'GET huge URL', method: 'GET', search: `?query=${'%7B'.repeat(20_000)}` });
  requests.push({ name: 'GET variables not JSON', method: 'GET', search: `?query=${encodeURIComponent('query ($c: String!) { region(code: $c) { code } }')}&variables=%7B`, refusedWith: refused });
  requests.push({ name: 'huge body', body: JSON.stringify({ query: `{ ${'__typename '.repeat(200_000)} }` }), refusedWith: refused });
  requests.push({ name: 'huge variable', body: JSON.stringify({ query: 'query ($c: String!) { region(code: $c) { code } }', variables: { c: 'x'.repeat(100_001) } }), refusedWith: refused });
  requests.push({ name: 'huge variables object', body: JSON.stringify({ query: '{ __typename }', variables: { x: 'y'.repeat(2_000_000) } }), refusedWith: refused });
  requests.push({ name: 'deeply nested variables', body: `{"query": "{ __typename }", "variables": {"x": ${'['.repeat(5000)}${']'.repeat(5000)}}}` });
  requests.push(query('deep', `{ region(code: "620000") { ${'children { '.repeat(30)}code${' }'.repeat(30)} } }`, undefined, undefined, refused));
  requests.push(query('deep across subgraphs', `{ community(code: "620102001001") { ${'region { parent { '.repeat(10)}code serviceStats { facilityCount }${' } }'.repeat(10)} } }`, undefined, undefined, refused));
  requests.push(query('wide', `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: region(code: "620000") { code }`).join(' ')} }`, undefined, undefined, refused));
  requests.push(query('alias bomb', `{ region(code: "620000") { ${Array.from({ length: 500 }, (_, i) => `n${i}: name`).join(' ')} } }`, undefined, undefined, refused));
  requests.push(query('alias bomb across subgraphs', `{ community(code: "620102001001") { ${Array.from({ length: 40 }, (_, i) => `s${i}: serviceStats { facilityCount } v${i}: volunteerStats { registeredVolunteers }`).join(' ')} } }`, undefined, undefined, refused));
  requests.push(query('fragment bomb', `{ ...A } fragment A on Query { a1: region(code: "620000") { ...B } a2: region(code: "620000") { ...B } } fragment B on Region { b1: children { ...C } b2: children { ...C } } fragment C on Region { ${Array.from({ length: 10 }, (_, i) => `c${i}: children { code }`).join(' ')} }`, undefined, undefined, refused));
  requests.push(query('circular fragments', '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }', undefined, undefined, refused));
  requests.push(query('self fragment', '{ region(code: "620000") { ...R } } fragment R on Region { children { ...R } }', undefined, undefined, refused));
  requests.push(query('directive flood', `{ __typename ${'@include(if: true) '.repeat(100)} }`, undefined, undefined, refused));
  requests.push(query('unknown directive', '{ region(code: "620000") @export(as: "x") { code } }', undefined, undefined, refused));
  requests.push(query('page abuse', '{ communities(first: 100000) { totalCount } }', undefined, undefined, refused));
  requests.push(query('cost abuse', '{ regions { children { children { children { communities(first: 100) { edges { node { region { children { code } } } } } } } } } }', undefined, undefined, refused));
  requests.push(query('cost abuse across every department', `{ regions { children { ${EVERY_DEPARTMENT} } } }`, undefined, undefined, refused));
  requests.push(query('every department at the page limit, twice', `{ a: ${EVERY_DEPARTMENT} b: ${EVERY_DEPARTMENT} }`));
  // Page sizes the request leaves to variable defaults or to the schema cost what they would cost written out.
  const nestedRequests = (n: string, m: string) =>
    `{ region(code: "620000") { communities(first: ${n}) { edges { node { serviceRequests(first: ${m}) { edges { node { id status community { serviceRequests(first: ${m}) { edges { node { id } } } } } } } } } } } }`;
  requests.push(query('cost bypass through variable defaults', `query ($n: Int! = 100, $m: Int! = 100) ${nestedRequests('$n', '$m')}`, undefined, undefined, refused));
  requests.push(query('cost bypass through variable defaults, as an analyst', `query ($n: Int! = 100, $m: Int! = 100) ${nestedRequests('$n', '$m')}`, undefined, analyst, refused));
  requests.push(query('cost bypass through schema defaults', `{ region(code: "620000") { communities { edges { node { serviceRequests { edges { node { id community { serviceRequests { edges { node { id } } } } } } } } } } } }`, undefined, undefined, refused));
  requests.push(query('page size through a variable default', 'query ($n: Int! = 1000) { communities(first: $n) { totalCount } }', undefined, undefined, refused));
  requests.push(query('page size through a variable that does not coerce', 'query ($n: Int!) { communities(first: $n) { totalCount } }', { n: '1000' }, undefined, refused));
  // Heavy fields: each cheap in fields, each seconds of SQL over the province.
  const aliasedRanking = (count: number) =>
    `{ ${Array.from({ length: count }, (_, i) => `r${i}: rankCommunitiesByVolunteering(regionCode: "620000", metric: MEDIAN_HOURS_PER_ACTIVE_VOLUNTEER) { value }`).join(' ')} }`;
  requests.push(query('thirty aliased province rankings', aliasedRanking(30), undefined, undefined, refused));
  requests.push(query('thirty aliased province rankings, as an analyst', aliasedRanking(30), undefined, analyst, refused));
  requests.push(query('four aliased province rankings, as an analyst', aliasedRanking(4), undefined, analyst, refused));
  requests.push(query('a province ranking, anonymously', aliasedRanking(1), undefined, undefined, refused));
  requests.push(query('a twenty-year province trend', '{ volunteerHoursTrend(regionCode: "620000", from: "2006-01-01", to: "2026-01-01") { confirmedHours } }', undefined, analyst, refused));
  requests.push(query('entities through the gateway', '{ _entities(representations: [{ __typename: "Community", code: "620102001001" }]) { __typename } }', undefined, undefined, refused));
  requests.push(query('service field through the gateway', '{ _service { sdl } }', undefined, undefined, refused));
  requests.push(query('anonymous introspection', '{ __schema { types { name } } }', undefined, undefined, TOKEN_REFUSALS));
  requests.push(query('unknown field', '{ secretTable }', undefined, undefined, refused));
  requests.push(query('syntax error', '{ region(code: "620000" { code } }', undefined, undefined, refused));
  requests.push(query('empty query', '', undefined, undefined, refused));
  requests.push(query('comment only', '# nothing', undefined, undefined, refused));
  requests.push(json('operationName mismatch', { query: 'query A { __typename } query B { __typename }', operationName: 'C' }, undefined, refused));
  requests.push(json('two operations no name', { query: 'query A { __typename } query B { __typename }' }, undefined, refused));
  requests.push(json('batched', [{ query: '{ __typename }' }, { query: '{ __typename }' }], undefined, refused));
  requests.push(json('batched many', Array.from({ length: 1000 }, () => ({ query: '{ __typename }' })), undefined, refused));
  requests.push(json('batched nested', [[{ query: '{ __typename }' }]], undefined, refused));
  requests.push(json('batched mutations', [{ query: 'mutation { closePlan(id: "00000000-0000-4000-8000-000000000001") { id } }' }], undefined, refused));
  requests.push(json('subscription', { query: 'subscription { __typename }' }, undefined, refused));
  requests.push(json('NUL in query', { query: '{ region(code: "620000\u0000") { code } }' }, undefined, refused));
  requests.push(json('NUL in variables', { query: 'query ($c: String!) { region(code: $c) { code } }', variables: { c: '\u0000' } }, undefined, refused));
  requests.push(json('NUL in a variable name', { query: '{ __typename }', variables: { 'a\u0000': 1 } }, undefined, refused));
  requests.push(json('unknown persisted query', { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }, undefined, ['PERSISTED_QUERY_NOT_FOUND']));
  requests.push(json('persisted query with a wrong hash', { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }, undefined, refused));
  requests.push(json('persisted query hash injection', { extensions: { persistedQuery: { version: 1, sha256Hash: "' OR '1'='1" } } }, undefined, [...refused, 'PERSISTED_QUERY_NOT_FOUND']));
  requests.push(json('unknown document id', { documentId: `sha256:${'0'.repeat(64)}` }, undefined, [...refused, 'PERSISTED_QUERY_NOT_FOUND']));
  requests.push({ name: 'invalid UTF-8', body: Buffer.from([0x7b, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), refusedWith: refused });
  requests.push({ name: 'invalid UTF-8 in variable', body: Buffer.concat([Buffer.from('{"query":"query ($c: String!) { region(code: $c) { code } }","variables":{"c":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}}')]), refusedWith: refused });
  requests.push({ name: 'overlong UTF-8', body: Buffer.concat([Buffer.from('{"query":"{ __typename }","x":"'), Buffer.from([0xe0, 0x80, 0xaf]), Buffer.from('"}')]) });
  requests.push({ name: 'UTF-16 body', body: Buffer.from(JSON.stringify({ query: '{ __typename }' }), 'utf16le'), refusedWith: refused });
  for (const [label, token] of forgedTokens()) {
    requests.push(query(`token ${label} on a public query`, '{ region(code: "620000") { code } }', undefined, token, TOKEN_REFUSALS));
  }
  requests.push({ name: 'bearer without token', body: JSON.stringify({ query: '{ __typename }' }), token: '', refusedWith: TOKEN_REFUSALS });
  return requests;
}
