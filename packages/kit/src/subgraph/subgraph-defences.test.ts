import { Ctx, Directive, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { GATEWAY_SIGNATURE_HEADER, signGatewayRequest, SIGNATURE_WINDOW_MS } from '../auth/gateway-signature';
import type { SubgraphContext } from '../server/context';
import { graphqlRequest, startTestSubgraph, TEST_SIGNING_KEY, type TestSubgraph } from '../testing';
import { defineSubgraph } from './subgraph-definition';

@Directive('@key(fields: "code")')
@ObjectType('Community')
class CommunityStub {
  @Field()
  code: string;

  @Directive('@external')
  @Field(() => Int)
  population: number;
}

@Directive('@key(fields: "code")')
@ObjectType('Region')
class RegionStub {
  @Field()
  code: string;
}

@ObjectType()
class Nest {
  @Field(() => Nest)
  nest: Nest;

  @Field(() => Int)
  value: number;
}

@Resolver(() => CommunityStub)
class CommunityStubResolver {
  @Directive('@requires(fields: "population")')
  @FieldResolver(() => Int, { nullable: true, description: 'The population the representation carried.' })
  populationSeen(@Root() community: CommunityStub): number | null {
    return community.population ?? null;
  }
}

@Resolver()
class ProbeResolver {
  @Query(() => String)
  requestId(@Ctx() context: SubgraphContext): string {
    return context.requestId;
  }

  @Query(() => Nest)
  nest(): Nest {
    const nest: Nest = { value: 1 } as Nest;
    nest.nest = nest;
    return nest;
  }
}

const probeSubgraph = defineSubgraph({
  name: 'probe',
  migrations: [],
  modules: [{ name: 'probe', resolvers: [ProbeResolver, CommunityStubResolver], entityTypes: [CommunityStub, RegionStub] }],
});

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(probeSubgraph);
});
afterAll(() => subgraph.stop());

/** `{ nest { nest { … value } } }`, `depth` fields deep. */
const nested = (depth: number) => `${'nest { '.repeat(depth - 1)}value${' }'.repeat(depth - 1)}`;

describe('the gateway’s document limits, at a subgraph reached directly', () => {
  it('serves an operation at the depth limit (15) and refuses one a level deeper, naming the limit', async () => {
    expect((await graphqlRequest(subgraph.url, `{ ${nested(15)} }`)).errors).toBeUndefined();
    const refused = await graphqlRequest(subgraph.url, `{ ${nested(16)} }`);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]).toMatchObject({ message: 'operation depth is 16, over the limit of 15 by 1', extensions: { code: 'BAD_USER_INPUT', limit: 'depth' } });
  });

  it.each([
    ['alias count', `{ ${Array.from({ length: 31 }, (_, index) => `a${index}: requestId`).join(' ')} }`],
    ['directive count', `{ ${Array.from({ length: 21 }, (_, index) => `a${index % 20}: requestId @include(if: true)`).join(' ')} }`],
    ['token count', `{ requestId ${'__typename '.repeat(3000)}}`],
  ])('refuses an operation over the %s limit', async (limit, query) => {
    const refused = await graphqlRequest(subgraph.url, query);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit });
  });

  it('leaves a request the gateway signed to the gateway, whose plans may spell out the fragments its caller spread', async () => {
    // A plan may alias fields its caller did not (to merge fetches), or spell out fragments its caller spread.
    const spelledOut = `{ ${Array.from({ length: 31 }, (_, index) => `a${index}: requestId`).join(' ')} }`;
    expect((await graphqlRequest(subgraph.url, spelledOut)).status).toBe(400);
    const signed = await graphqlRequest(subgraph.url, spelledOut, { asGateway: true });
    expect(signed.errors).toBeUndefined();
    expect(signed.data.a30).toEqual(expect.any(String));
  });

  it('measures an entity fetch from below `_entities`, so the gateway’s plans for operations within the limits pass', async () => {
    // The gateway sends this for a client's `{ community { … } }` whose Community sits a level down or more.
    const query = `{ _entities(representations: [{ __typename: "Community", code: "620102001001" }]) { ... on Community { code } } }`;
    expect((await graphqlRequest(subgraph.url, query)).errors).toBeUndefined();
  });
});

const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Community { code populationSeen } ... on Region { code } } }`;

describe('entity representations', () => {
  it('takes key-only representations from anyone', async () => {
    const response = await graphqlRequest(subgraph.url, ENTITIES, { variables: { representations: [{ __typename: 'Community', code: '620102001001' }] } });
    expect(response.errors).toBeUndefined();
    expect(response.data._entities).toEqual([{ code: '620102001001', populationSeen: null }]);
  });

  it('refuses a figure in a representation unless the gateway signed the request', async () => {
    const representations = [{ __typename: 'Community', code: '620102001001', population: 1 }];
    const direct = await graphqlRequest(subgraph.url, ENTITIES, { variables: { representations } });
    expect(direct.status).toBe(403);
    expect(direct.data ?? null).toBeNull();
    expect(direct.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', argument: 'representations' } });
    expect(direct.errors?.[0].message).toMatch(/^representations: fields other than the key \(population\) are accepted only in requests signed by the gateway/);
    const inline = await graphqlRequest(subgraph.url, `{ _entities(representations: [{ __typename: "Community", code: "620102001001", population: 1 }]) { ... on Community { populationSeen } } }`);
    expect(inline.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const signed = await graphqlRequest(subgraph.url, ENTITIES, { variables: { representations }, asGateway: true });
    expect(signed.errors).toBeUndefined();
    expect(signed.data._entities).toEqual([{ code: '620102001001', populationSeen: 1 }]);
  });

  it.each([
    ['Community', '', 'is not a community code'],
    ['Community', '620102', 'is not a community code'],
    ['Region', '', 'is not a region code'],
    ['Region', '620102001001', 'is not a region code'],
    ['Region', 620100, 'needs its key "code" as a string'],
  ])('refuses a %s representation with code %j, naming representations, even from the gateway', async (typename, code, problem) => {
    const response = await graphqlRequest(subgraph.url, ENTITIES, { variables: { representations: [{ __typename: typename, code }] }, asGateway: true });
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'representations' } });
    expect(response.errors?.[0].message).toContain(problem);
    expect(response.errors?.[0].message).toMatch(/^representations: /);
  });
});

describe('the request id', () => {
  const askId = (headers: Record<string, string>, body = JSON.stringify({ query: '{ requestId }' })) =>
    fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(async (response) => ({
      header: response.headers.get('x-request-id'),
      stored: ((await response.json()) as { data?: { requestId: string } }).data?.requestId,
    }));
  const body = JSON.stringify({ query: '{ requestId }' });
  const signature = (requestId: string, options: { key?: string; at?: number; signedBody?: string } = {}) =>
    signGatewayRequest(options.key ?? TEST_SIGNING_KEY, { requestId, body: options.signedBody ?? body }, options.at ?? Date.now());

  it('is the gateway’s on a request the gateway signed', async () => {
    const answer = await askId({ 'x-request-id': 'gateway-id-1', [GATEWAY_SIGNATURE_HEADER]: signature('gateway-id-1') }, body);
    expect(answer).toEqual({ header: 'gateway-id-1', stored: 'gateway-id-1' });
  });

  it.each([
    ['no signature', () => ({})],
    ['a signature with another key', () => ({ [GATEWAY_SIGNATURE_HEADER]: signature('chosen-by-caller', { key: 'another-key-of-at-least-thirty-two-chars' }) })],
    ['a signature of another request id', () => ({ [GATEWAY_SIGNATURE_HEADER]: signature('some-other-id') })],
    ['a signature of another body', () => ({ [GATEWAY_SIGNATURE_HEADER]: signature('chosen-by-caller', { signedBody: '{"query":"{ __typename }"}' }) })],
    ['a stale signature', () => ({ [GATEWAY_SIGNATURE_HEADER]: signature('chosen-by-caller', { at: Date.now() - SIGNATURE_WINDOW_MS - 1000 }) })],
    ['a malformed signature', () => ({ [GATEWAY_SIGNATURE_HEADER]: 't=1,v1=zz' })],
  ])('is the subgraph’s own, not the caller’s, on a request with %s', async (_case, headers) => {
    const answer = await askId({ 'x-request-id': 'chosen-by-caller', ...headers() }, body);
    expect(answer.stored).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.header).toBe(answer.stored);
  });
});
