import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { authorize, definePolicy } from '../auth/access-policy';
import { buildFederatedSchema } from '../schema/federated-schema';
import type { SubgraphContext } from '../server/context';
import { defineSubgraph } from '../subgraph/subgraph-definition';
import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '../testing';
import { AuditEntry } from './audit-entry.entity';
import { auditLogMigration } from './audit-log.migration';
import { auditLogResolver } from './audit-log.resolver';
import { auditedWrite } from './audited-write';

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
}

const probeSubgraph = defineSubgraph({
  name: 'audit-probe',
  databaseSchema: 'audit_probe',
  entities: [AuditEntry],
  migrations: [auditLogMigration('audit_probe')],
  resolvers: [TouchResolver, auditLogResolver({ fieldName: 'probeAuditLog', subgraph: 'probe', policy: probePolicy })],
  createLoaders: () => ({}),
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

  it('keeps the table append-only', async () => {
    await expect(subgraph.dataSource.query(`UPDATE audit_probe.audit_log SET actor_sub = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(subgraph.dataSource.query(`DELETE FROM audit_probe.audit_log`)).rejects.toThrow(/append-only/);
  });
});
