import { governanceMatrixCases } from '@shequ/governance';
import { actualOutcome, expectedOutcome, graphqlRequest, matrixViewers, type MatrixCase } from '@shequ/kit/dist/testing';
import { departmentMatrixCases } from './department-matrix-cases';
import { startGraph, type Graph } from './graph-harness';

let graph: Graph;
let cases: MatrixCase[] = [];
const viewers = matrixViewers();

beforeAll(async () => {
  graph = await startGraph();
  cases = [...(await governanceMatrixCases(graph.subgraphs.governance.dataSource)), ...departmentMatrixCases()];
});
afterAll(() => graph.stop());

describe('the authorisation matrix through the gateway', () => {
  it('walks every role, inside and outside its jurisdiction, against every operation, as each policy says', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const matrixCase of cases) {
      for (const caller of viewers) {
        const { errors } = await graphqlRequest(graph.gateway.url, matrixCase.query, { variables: matrixCase.variables, token: caller.token });
        const expected = expectedOutcome(matrixCase, caller);
        const actual = actualOutcome(errors);
        checked += 1;
        if (expected !== actual) {
          mismatches.push(`${matrixCase.subgraph} ${matrixCase.operation} as ${caller.label}: expected ${expected}, got ${actual} (${errors?.[0]?.message ?? 'no error'})`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(cases.length * viewers.length);
  });
});
