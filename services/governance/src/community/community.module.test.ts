import { graphqlRequest, startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { governanceSubgraph } from '../subgraph';
import { insertGovernanceFixture } from '../testing/fixture';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(governanceSubgraph);
  await insertGovernanceFixture(subgraph.dataSource, 300);
});

afterAll(() => subgraph.stop());

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Community { code name region { code } } ... on Region { code name } }
}`;

async function resolveReferences(codes: string[]) {
  const before = subgraph.statements.statements;
  const response = await graphqlRequest(subgraph.url, ENTITIES, {
    variables: { representations: codes.map((code) => ({ __typename: code.length === 12 ? 'Community' : 'Region', code })) },
  });
  return { response, statements: subgraph.statements.statements - before };
}

describe('entity references from the gateway', () => {
  it('resolves 3 and 300 Community references with the same number of SQL statements', async () => {
    const { rows } = { rows: (await subgraph.dataSource.query(`SELECT code FROM governance.community ORDER BY code LIMIT 300`)) as { code: string }[] };
    const allCodes = rows.map((row) => row.code);
    const three = await resolveReferences(allCodes.slice(0, 3));
    const hundreds = await resolveReferences(allCodes);
    expect(three.response.data._entities).toHaveLength(3);
    expect(hundreds.response.data._entities).toHaveLength(300);
    expect(hundreds.response.data._entities.map((entity: { code: string }) => entity.code)).toEqual(allCodes);
    expect(three.statements).toBe(2); // communities, then their streets
    expect(hundreds.statements).toBe(three.statements);
  });

  it('resolves Region references and answers null for codes nobody has', async () => {
    const { response } = await resolveReferences(['620100', '620999', '620102001001', '620102009009']);
    expect(response.data._entities).toEqual([
      { code: '620100', name: '兰州市' },
      null,
      { code: '620102001001', name: '幸福社区', region: { code: '620102001' } },
      null,
    ]);
  });
});
