import jwt from 'jsonwebtoken';
import { TEST_JWT_SECRET, testToken } from '@shequ/kit/dist/testing';

/** One hostile request: raw HTTP pieces, so that malformed bodies and headers can be sent as they are. */
export interface HostileRequest {
  name: string;
  method?: 'GET' | 'POST' | 'PUT';
  contentType?: string | null;
  body?: string | Buffer;
  search?: string;
  token?: string;
}

const json = (name: string, payload: unknown, token?: string): HostileRequest => ({ name, body: JSON.stringify(payload), token });
const query = (name: string, text: string, variables?: Record<string, unknown>, token?: string) => json(name, { query: text, variables }, token);

export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE governance.community; --",
  '") { __typename } #',
  '<script>alert(1)</script>',
  '%27%20OR%201=1',
  '${jndi:ldap://x}',
  '../../../../etc/passwd',
  '\\',
  '🏘️社区'.repeat(200),
  'x'.repeat(100_001),
  '\u202e\u200b\ufeff',
  'a\nb\rc\td',
];

const BAD_NUMBERS = [1e20, -1, 2147483648, 1.5, -2147483649, 0.0001];

const noneToken = () => {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'x', roles: ['admin'], jurisdiction: '620000' })}.`;
};

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
    requests.push({ name: `malformed JSON ${body.slice(0, 30)}`, body });
  }
  for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', null, 'application/graphql']) {
    requests.push({ name: `content type ${contentType}`, contentType, body: JSON.stringify({ query: '{ __typename }' }) });
  }
  requests.push({ name: 'PUT', method: 'PUT', body: JSON.stringify({ query: '{ __typename }' }) });
  requests.push({ name: 'GET mutation', method: 'GET', search: `?query=${encodeURIComponent('mutation { draftPlan(input: {regionCode: "620100", kind: ANNUAL, title: "x", startYear: 2027, endYear: 2027}) { id } }')}` });
  requests.push({ name: 'GET NUL', method: 'GET', search: '?query=%00' });
  requests.push({ name: 'huge body', body: JSON.stringify({ query: `{ ${'__typename '.repeat(200_000)} }` }) });
  requests.push({ name: 'huge variables', body: JSON.stringify({ query: '{ __typename }', variables: { x: 'y'.repeat(2_000_000) } }) });
  requests.push(query('deep', `{ region(code: "620000") { ${'children { '.repeat(30)}code${' }'.repeat(30)} } }`));
  requests.push(query('wide', `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: region(code: "620000") { code }`).join(' ')} }`));
  requests.push(query('alias bomb', `{ region(code: "620000") { ${Array.from({ length: 500 }, (_, i) => `n${i}: name`).join(' ')} } }`));
  requests.push(query('fragment bomb', `{ ...A } fragment A on Query { a1: region(code: "620000") { ...B } a2: region(code: "620000") { ...B } } fragment B on Region { b1: children { ...C } b2: children { ...C } } fragment C on Region { c1: children { code } c2: children { code } c3: children { code } }`));
  requests.push(query('circular fragments', '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'));
  requests.push(query('self fragment', '{ region(code: "620000") { ...R } } fragment R on Region { children { ...R } }'));
  requests.push(query('directive flood', `{ __typename ${'@include(if: true) '.repeat(100)} }`));
  requests.push(query('page abuse', '{ communities(first: 100000) { totalCount } }'));
  requests.push(query('cost abuse', '{ regions { children { children { children { communities(first: 100) { edges { node { region { children { code } } } } } } } } } }'));
  requests.push(query('unknown field', '{ secretTable }'));
  requests.push(query('syntax error', '{ region(code: "620000" { code } }'));
  requests.push(query('empty query', ''));
  requests.push(query('unknown operationName', 'query A { __typename }', undefined));
  requests.push(json('operationName mismatch', { query: 'query A { __typename } query B { __typename }', operationName: 'C' }));
  requests.push(json('two operations no name', { query: 'query A { __typename } query B { __typename }' }));
  requests.push(json('batched', [{ query: '{ __typename }' }, { query: '{ __typename }' }]));
  requests.push(json('batched many', Array.from({ length: 1000 }, () => ({ query: '{ __typename }' }))));
  requests.push(json('batched nested', [[{ query: '{ __typename }' }]]));
  requests.push(json('subscription', { query: 'subscription { __typename }' }));
  requests.push(json('NUL in query', { query: '{ region(code: "620000\u0000") { code } }' }));
  requests.push(json('NUL in variables', { query: 'query ($c: String!) { region(code: $c) { code } }', variables: { c: '\u0000' } }));
  const analyst = testToken({ roles: ['analyst'], jurisdiction: '620000' });
  const planner = testToken({ roles: ['department_staff'], department: 'governance', jurisdiction: '620200' });
  for (const text of INJECTIONS) {
    const label = text.slice(0, 20);
    requests.push(query(`region code ${label}`, 'query ($c: String!) { region(code: $c) { code } }', { c: text }));
    requests.push(query(`community code ${label}`, 'query ($c: String!) { community(code: $c) { code } }', { c: text }));
    requests.push(query(`nameContains ${label}`, 'query ($n: String) { communities(filter: { nameContains: $n }) { totalCount } }', { n: text }));
    requests.push(query(`parentCode ${label}`, 'query ($c: String) { regions(parentCode: $c) { code } }', { c: text }, analyst));
    requests.push(query(`cursor ${label}`, 'query ($a: String) { communities(after: $a) { totalCount } }', { a: text }));
    requests.push(
      query(
        `plan title ${label} outside jurisdiction`,
        'mutation ($i: DraftPlanInput!) { draftPlan(input: $i) { id } }',
        { i: { regionCode: '620100', kind: 'ANNUAL', title: text, startYear: 2027, endYear: 2027 } },
        planner,
      ),
    );
  }
  for (const value of BAD_NUMBERS) {
    requests.push(query(`first ${value}`, 'query ($f: Int) { communities(first: $f) { totalCount } }', { f: value }));
    requests.push(query(`year ${value}`, 'query ($y: Int) { plans(regionCode: "620000", period: $y) { id } }', { y: value }));
  }
  requests.push(query('first as string', 'query ($f: Int) { communities(first: $f) { totalCount } }', { f: '10' }));
  requests.push(query('year far future', '{ rankCommunitiesByAssessment(regionCode: "620000", year: 99999) { rank } }'));
  requests.push(query('date nonsense', 'mutation { recordTargetProgress(targetId: "not-an-id", value: 1e308) { id } }', undefined, planner));
  requests.push({ name: 'invalid UTF-8', body: Buffer.from([0x7b, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) });
  requests.push({ name: 'invalid UTF-8 in variable', body: Buffer.concat([Buffer.from('{"query":"query ($c: String!) { region(code: $c) { code } }","variables":{"c":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}}')]) });
  requests.push({ name: 'overlong UTF-8', body: Buffer.concat([Buffer.from('{"query":"{ __typename }","x":"'), Buffer.from([0xe0, 0x80, 0xaf]), Buffer.from('"}')]) });
  const tokens: [string, string][] = [
    ['alg none', noneToken()],
    ['wrong secret', jwt.sign({ roles: ['admin'], jurisdiction: '620000' }, 'another-secret-another-secret-another', { subject: 'x' })],
    ['HS512', jwt.sign({ roles: ['admin'], jurisdiction: '620000' }, TEST_JWT_SECRET, { subject: 'x', algorithm: 'HS512' })],
    ['expired', testToken({ expiresIn: -3600 })],
    ['not before', jwt.sign({ roles: ['admin'], jurisdiction: '620000', nbf: Math.floor(Date.now() / 1000) + 3600 }, TEST_JWT_SECRET, { subject: 'x' })],
    ['garbage', 'abc.def.ghi'],
    ['empty claims', jwt.sign({}, TEST_JWT_SECRET)],
    ['role forged as string', jwt.sign({ roles: 'admin', jurisdiction: '620000' }, TEST_JWT_SECRET, { subject: 'x' })],
    ['jurisdiction injection', jwt.sign({ roles: ['admin'], jurisdiction: "62' OR '1'='1" }, TEST_JWT_SECRET, { subject: 'x' })],
  ];
  for (const [label, token] of tokens) {
    requests.push(query(`token ${label}`, '{ region(code: "620000") { code } }', undefined, token));
  }
  requests.push({ name: 'bearer without token', body: JSON.stringify({ query: '{ __typename }' }), token: '' });
  requests.push(
    query(
      'planner of another prefecture',
      'mutation ($i: DraftPlanInput!) { draftPlan(input: $i) { id } }',
      { i: { regionCode: '620100', kind: 'FIVE_YEAR', title: '越权', startYear: 2026, endYear: 2030 } },
      planner,
    ),
  );
  requests.push(query('analyst mutation', 'mutation { designateDemonstrationUnit(input: { code: "620102001001", level: PROVINCIAL, year: 2026, practice: "x" }) { id } }', undefined, analyst));
  return requests;
}
