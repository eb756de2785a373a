import { useClock } from '@shequ/kit';
import { graphqlRequest, startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { governanceSubgraph } from '../subgraph';
import { insertGovernanceFixture } from '../testing/fixture';

// The last evening of 2027 in UTC: 23:30 on 31 December in China, then 00:30 on 1 January 2028.
const LAST_HOUR_OF_2027 = new Date('2027-12-31T15:30:00Z');
const FIRST_HOUR_OF_2028 = new Date('2027-12-31T16:30:00Z');

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(governanceSubgraph);
  await insertGovernanceFixture(subgraph.dataSource, 300);
  // A community whose only practical project is of 2026, completed: it counts while 2027 is "this year", not once 2028 begins.
  await subgraph.dataSource.query(
    `INSERT INTO governance.practical_project (community_code, year, title, budget, funding_source, status, completed_at) VALUES ('620102001003', 2026, '时区测试', 1000, 'STATE', 'COMPLETED', now())`,
  );
});

afterEach(() => useClock(null));
afterAll(() => subgraph.stop());

async function planDelivery(): Promise<{ name: string; score: number | null; missing: boolean }> {
  const response = await graphqlRequest(
    subgraph.url,
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { assessment { components { name score missing } } } } }`,
    { variables: { r: [{ __typename: 'Community', code: '620102001003' }] }, asGateway: true },
  );
  expect(response.errors).toBeUndefined();
  return response.data._entities[0].assessment.components.find((component: { name: string }) => component.name === 'PLAN_DELIVERY');
}

describe('governance keeps China time', () => {
  it('turns the year for practical projects at China midnight on 1 January', async () => {
    useClock(LAST_HOUR_OF_2027);
    const before = await planDelivery();
    useClock(FIRST_HOUR_OF_2028);
    const after = await planDelivery();
    expect(before.missing).toBe(false);
    expect(after.missing).toBe(true);
  });
});
