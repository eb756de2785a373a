import { graphqlRequest, startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { governanceSubgraph } from '../subgraph';
import { insertGovernanceFixture } from '../testing/fixture';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(governanceSubgraph);
  await insertGovernanceFixture(subgraph.dataSource);
});

afterAll(() => subgraph.stop());

describe('divisionCodes', () => {
  it('lists every region and community code of the fixture, in code order, to anyone', async () => {
    const { data, errors } = await graphqlRequest(subgraph.url, `{ divisionCodes }`);
    expect(errors).toBeUndefined();
    expect(data.divisionCodes).toEqual([
      '620000',
      '620100',
      '620102',
      '620102001',
      '620102001001',
      '620102001002',
      '620102001003',
      '620102002',
      '620102002001',
      '620102002002',
      '620103',
      '620103001',
      '620103001001',
      '620200',
      '620201',
      '620201001',
      '620201001001',
    ]);
  });

  it('reads them in one statement, and includes a community inserted since', async () => {
    await subgraph.dataSource.query(
      `INSERT INTO governance.community (code, name, street_code, population, households, tier, synthetic)
       VALUES ('620201001002', '新建社区', '620201001', 100, 40, 'STANDARD', true)`,
    );
    const before = subgraph.statements.statements;
    const { data } = await graphqlRequest(subgraph.url, `{ divisionCodes }`);
    expect(subgraph.statements.statements - before).toBe(1);
    expect(data.divisionCodes).toHaveLength(18);
    expect(data.divisionCodes.slice(-2)).toEqual(['620201001001', '620201001002']);
  });
});
