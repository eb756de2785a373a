import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { authorize, definePolicy } from '../auth/access-policy';
import { buildFederatedSchema } from '../schema/federated-schema';
import type { SubgraphContext } from '../server/context';
import { defineSubgraph } from '../subgraph/subgraph-definition';
import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '../testing';
import { AuditEntry } from './audit-entry.entity';
import { auditLogMigration } from './audit-log.migration';
import { auditLogResolver } from './audit-log.resolver';
import { auditedRead, auditedWrite } from './audited-write';

const probePolicy = definePolicy({
  touch: { roles: ['community_worker'] },
  readAuditLog: { roles: ['admin'], withinJurisdiction: false },
});

@Resolver()
class TouchResolver {
  @Mutation(() => String)
  touch(@Arg('id') id: string, @Ctx() context: SubgraphContext): Promise<string> {
    authorize(probePolicy, 'touch', context.viewer, '620102001001');
    return auditedWrite(context, { operation: 'touch', targetType: 'Probe' }, async () => ({ result: id, targetIds: [id] }));
  }

  @Mutation(() => String)
  touchAgain(@Arg('id') id: string, @Ctx() context: SubgraphContext): Promise<string> {
    authorize(probePolicy, 'touch', context.viewer, '620102001001');
    // An idempotent retry: the first write stands, nothing is written.
    return auditedWrite(context, { operation: 'touchAgain', targetType: 'Probe' }, async () => ({ result: id, targetIds: [] }));
  }

  @Query(() => [String])
  restrictedProbes(@Ctx() context: SubgraphContext): Promise<string[]> {
    return auditedRead(context, 'Probe', async () => ['secret-1', 'secret-2'], (row) => row);
  }
}

const probeSubgraph = defineSubgraph({
  name: 'audit-probe',
  migrations: [auditLogMigration('audit_probe')],
  modules: [{ name: 'touch', entities: [AuditEntry], resolvers: [TouchResolver, auditLogResolver({ fieldName: 'probeAuditLog', subgraph: 'probe', policy: probePolicy })] }],
});

const worker = (sub: string) => testToken({ sub, roles: ['community_worker'], jurisdiction: '620102' });
const admin = testToken({ sub: 'auditor', roles: ['admin'], jurisdiction: '620200' });
const LOG = `query ($filter: AuditLogFilter, $first: Int, $after: String) {
  probeAuditLog(filter: $filter, first: $first, after: $after) {
    totalCount edges { node { operation actorSub actorRoles targetType targetIds requestId occurredAt } } pageInfo { hasNextPage endCursor }
  }
}`;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(probeSubgraph);
  for (const [sub, id] of [['worker-a', 'one'], ['worker-b', 'two'], ['worker-a', 'three']]) {
    const { errors } = await graphqlRequest(subgraph.url, 'mutation ($id: String!) { touch(id: $id) }', { variables: { id }, token: worker(sub) });
    expect(errors).toBeUndefined();
  }
});
afterAll(() => subgraph.stop());

describe('auditLogResolver', () => {
  it('serves the log under the field name given, with shareable entry types', async () => {
    const { sdl } = await buildFederatedSchema({ resolvers: probeSubgraph.resolvers });
    expect(sdl).toMatch(/probeAuditLog\(/);
    expect(sdl).toMatch(/type AuditLogEntry @shareable/);
    expect(sdl).toMatch(/type AuditLogEntryConnection @shareable/);
    expect(sdl).toMatch(/type AuditLogEntryEdge @shareable/);
  });

  it('gives admins every write, newest first, in pages, whatever their jurisdiction', async () => {
    const first = await graphqlRequest(subgraph.url, LOG, { variables: { first: 2 }, token: admin });
    expect(first.errors).toBeUndefined();
    expect(first.data.probeAuditLog.totalCount).toBe(3);
    expect(first.data.probeAuditLog.edges[0].node).toMatchObject({ operation: 'touch', actorSub: 'worker-a', actorRoles: ['community_worker'], targetType: 'Probe', targetIds: ['three'] });
    expect(first.data.probeAuditLog.edges[0].node.requestId).toEqual(expect.any(String));
    const second = await graphqlRequest(subgraph.url, LOG, { variables: { first: 2, after: first.data.probeAuditLog.pageInfo.endCursor }, token: admin });
    const ids = [...first.data.probeAuditLog.edges, ...second.data.probeAuditLog.edges].map((edge: { node: { targetIds: string[] } }) => edge.node.targetIds[0]);
    expect(ids).toEqual(['three', 'two', 'one']);
    expect(second.data.probeAuditLog.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by actor, operation and time', async () => {
    const byActor = await graphqlRequest(subgraph.url, LOG, { variables: { filter: { actorSub: 'worker-b', operation: 'touch' } }, token: admin });
    expect(byActor.data.probeAuditLog.totalCount).toBe(1);
    const future = await graphqlRequest(subgraph.url, LOG, { variables: { filter: { from: new Date(Date.now() + 3_600_000).toISOString() } }, token: admin });
    expect(future.data.probeAuditLog.totalCount).toBe(0);
  });

  it.each([
    ['a worker who wrote entries', worker('worker-a'), 'FORBIDDEN'],
    ['an analyst', testToken({ roles: ['analyst'], jurisdiction: '620000' }), 'FORBIDDEN'],
    ['an anonymous caller', undefined, 'UNAUTHENTICATED'],
  ])('refuses %s, blanking only the field', async (_who, token, code) => {
    const response = await graphqlRequest(subgraph.url, LOG, { token });
    expect(response.errors?.[0].extensions?.code).toBe(code);
    expect(response.data).toEqual({ probeAuditLog: null });
  });

  it.each([
    [{ filter: { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' } }, 'filter.to'],
    [{ filter: { actorSub: '' } }, 'filter.actorSub'],
    [{ after: Buffer.from(JSON.stringify(['x; drop table'])).toString('base64url') }, 'after'],
  ])('answers BAD_USER_INPUT for %j', async (variables, argument) => {
    const { errors } = await graphqlRequest(subgraph.url, LOG, { variables, token: admin });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('leaves no entry for a write that changed nothing, and one read:<Type> entry per restricted row read', async () => {
    const entries = async () => subgraph.dataSource.query(`SELECT operation, target_ids FROM audit_probe.audit_log ORDER BY id`);
    const before = await entries();
    expect((await graphqlRequest(subgraph.url, 'mutation { touchAgain(id: "one") }', { token: worker('worker-a') })).errors).toBeUndefined();
    expect(await entries()).toEqual(before);
    expect((await graphqlRequest(subgraph.url, '{ restrictedProbes }', { token: worker('worker-a') })).data).toEqual({ restrictedProbes: ['secret-1', 'secret-2'] });
    expect((await entries()).slice(before.length)).toEqual([
      { operation: 'read:Probe', target_ids: ['secret-1'] },
      { operation: 'read:Probe', target_ids: ['secret-2'] },
    ]);
  });

  it('keeps the table append-only', async () => {
    await expect(subgraph.dataSource.query(`UPDATE audit_probe.audit_log SET actor_sub = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(subgraph.dataSource.query(`DELETE FROM audit_probe.audit_log`)).rejects.toThrow(/append-only/);
  });
});
