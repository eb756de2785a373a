import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFederatedSchema } from '@shequ/kit';
import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { governanceSubgraph } from './subgraph';
import { signToken } from '@shequ/kit';

describe('the committed schema.graphql', () => {
  it('is what the resolvers emit (run `pnpm build` when this fails)', async () => {
    const { sdl } = await buildFederatedSchema(governanceSubgraph);
    expect(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8')).toBe(sdl);
  });
});

describe('authentication', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(governanceSubgraph);
  });
  afterAll(() => subgraph.stop());

  const regionQuery = `{ region(code: "620100") { code } }`;

  it('serves anonymous callers public fields', async () => {
    const { status, errors } = await graphqlRequest(subgraph.url, regionQuery);
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
  });

  it.each([
    ['an expired token', () => testToken({ expiresIn: -120 }), 'token has expired'],
    ['a token signed with another secret', () => signToken({ sub: 'x', roles: ['analyst'], jurisdiction: '620000' }, 'another-secret-another-secret-1234'), 'token is not valid'],
    ['garbage', () => 'not.a.token', 'token is not valid'],
  ])('rejects %s with UNAUTHENTICATED', async (_label, token, message) => {
    const { status, data, errors } = await graphqlRequest(subgraph.url, regionQuery, { token: token() });
    expect(status).toBe(401);
    expect(data ?? null).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(errors?.[0].message).toBe(message);
  });
});
