import { buildSchema, parse } from 'graphql';
import { estimateCost } from './estimate-cost';

describe('estimateCost', () => {
  const schema = buildSchema(`
    type Query { region: Region, regions: [Region!]! }
    type Region { code: String, children: [Region!]!, communities(first: Int): CommunityConnection! }
    type CommunityConnection { edges: [CommunityEdge!]!, totalCount: Int }
    type CommunityEdge { node: Community! }
    type Community { code: String, name: String }`);
  const cost = (query: string, variables?: Record<string, unknown>) => {
    const document = parse(query);
    const operation = document.definitions[0];
    if (operation.kind !== 'OperationDefinition') {
      throw new Error('no operation');
    }
    return estimateCost(schema, document, operation, variables);
  };

  it('multiplies what lies below a field by its first, counting a connection edges list once', () => {
    // region 1 + communities (1 + 50 × (edges 1 + node 1 + code 1 + name 1)) = 1 + 1 + 200
    expect(cost(`{ region { communities(first: 50) { edges { node { code name } } } } }`)).toEqual({ cost: 202, largestPage: 50 });
  });

  it('assumes 10 items for a list without first and reads first from variables', () => {
    expect(cost(`{ regions { code } }`).cost).toBe(11);
    expect(cost(`query ($n: Int) { region { communities(first: $n) { totalCount } } }`, { n: 7 })).toEqual({ cost: 9, largestPage: 7 });
  });
});
