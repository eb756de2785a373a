import { readFileSync } from 'node:fs';
import { actualOutcome, expectedOutcome, graphqlRequest, matrixViewers, mutationFieldsOf, rootFieldsOf, testToken, withUnknownId, type MatrixCase } from '@shequ/kit/testing';
import { SUPERGRAPH_PATH } from '@shequ/schema';
import { startGraph, subgraphsUnderTest, type Graph } from './graph-harness';

// Every subgraph of the list brings its policy and its cases: a new department's join the matrix with no edit here.
const UNDER_TEST = subgraphsUnderTest();
const POLICIES = Object.fromEntries(UNDER_TEST.map(({ name, testing }) => [name, testing.policy]));

let graph: Graph;
let cases: MatrixCase[] = [];
const viewers = matrixViewers();

beforeAll(async () => {
  graph = await startGraph();
  const { subgraphs } = graph;
  cases = (await Promise.all(UNDER_TEST.map(({ name, testing }) => testing.matrixCases(subgraphs[name].dataSource)))).flat();
  // Assessment runs read the statistics store, so it holds the fixtures' figures before anyone walks the matrix.
  const refresh = await graphqlRequest(graph.gateway.url, 'mutation { refreshStatistics(full: true) { finishedAt } }', { token: testToken({ sub: 'admin', roles: ['admin'], jurisdiction: '620000' }) });
  expect(refresh.data?.refreshStatistics.finishedAt).toEqual(expect.any(String));
});
afterAll(() => graph.stop());

const nameOf = (matrixCase: MatrixCase): string => `${matrixCase.subgraph} ${matrixCase.operation} (${rootFieldsOf(matrixCase.query).map(({ field }) => field).join(', ')}${matrixCase.read ? ` → ${matrixCase.read.path.join('.')}` : ''})`;

describe('the authorisation matrix', () => {
  it('has a case for every mutation of the composed graph', () => {
    const covered = new Set(cases.flatMap((matrixCase) => rootFieldsOf(matrixCase.query).filter(({ operation }) => operation === 'mutation').map(({ field }) => field)));
    const mutations = mutationFieldsOf(readFileSync(SUPERGRAPH_PATH, 'utf8'));
    expect(mutations.length).toBeGreaterThan(40);
    expect(mutations.filter((field) => !covered.has(field))).toEqual([]);
  });

  it('has a case for every rule of every policy', () => {
    const uncovered = Object.entries(POLICIES).flatMap(([subgraph, policy]) =>
      Object.keys(policy)
        .filter((operation) => !cases.some((matrixCase) => matrixCase.subgraph === subgraph && matrixCase.operation === operation))
        .map((operation) => `${subgraph} ${operation}`),
    );
    expect(uncovered).toEqual([]);
  });

  it('names a record by id in every case that has one, so that out-of-reach answers are compared with unknown ids', () => {
    expect(cases.filter((matrixCase) => matrixCase.recordId).length).toBeGreaterThanOrEqual(25);
  });

  it('walks every role, inside and outside its jurisdiction, through the gateway against every case, as each policy says — a record out of reach answering exactly as an unknown id', async () => {
    const mismatches: string[] = [];
    const neverSucceeded: string[] = [];
    let checked = 0;
    for (const matrixCase of cases) {
      let succeeded = false;
      for (const caller of viewers) {
        const expected = expectedOutcome(matrixCase, caller);
        // Asked first, so that the record is still as the fixture left it when the real id's answer is compared.
        const unknown = matrixCase.recordId ? withUnknownId(matrixCase, caller) : null;
        const unknownResponse = unknown ? await graphqlRequest(graph.gateway.url, unknown.query, { variables: unknown.variables, token: caller.token }) : undefined;
        const response = await graphqlRequest(graph.gateway.url, matrixCase.query, { variables: matrixCase.variables, token: caller.token });
        const actual = actualOutcome(matrixCase, response, unknownResponse, caller);
        checked += 1;
        succeeded ||= expected === actual && (expected === 'allowed' || expected === 'plain') && !response.errors?.length;
        if (expected !== actual) {
          mismatches.push(`${nameOf(matrixCase)} as ${caller.label}: expected ${expected}, got ${actual} (${response.errors?.[0]?.message ?? 'no error'})`);
        }
      }
      // An allowed caller's clean answer shows the request itself is sound, so refusals are the policy's and not a broken case's.
      if (!succeeded) {
        neverSucceeded.push(nameOf(matrixCase));
      }
    }
    expect(mismatches).toEqual([]);
    expect(neverSucceeded).toEqual([]);
    expect(checked).toBe(cases.length * viewers.length);
  });
});
