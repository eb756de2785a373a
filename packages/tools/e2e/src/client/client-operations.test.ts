import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IndicatorTableDocument, RegionDashboardDocument, request, ShequGraphQLError } from '@shequ/client';
import { signToken } from '@shequ/kit';
import { TEST_JWT_SECRET } from '@shequ/kit/testing';
import { startGraph, type Graph } from '../graph-harness';

/*
 * The client package as a frontend uses it: the gateway trusts the manifest
 * the client's build generates, every registered operation answers by its id
 * alone (anonymous callers may send nothing else), and the typed documents
 * give typed data.
 */
const MANIFEST = join(require.resolve('@shequ/client/package.json'), '..', 'dist', 'persisted-documents.json');
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;

let graph: Graph;
let url: string;
const analyst = signToken({ sub: 'client-analyst', roles: ['analyst'], jurisdiction: '620000' }, TEST_JWT_SECRET);

beforeAll(async () => {
  graph = await startGraph({ gateway: { trustedDocumentsPath: MANIFEST, anonymousOnlyTrusted: true } });
  url = graph.gateway.url;
  // The statistics store answers from what it collected: fill it before asking it anything.
  const admin = signToken({ sub: 'client-admin', roles: ['admin'], jurisdiction: '620000' }, TEST_JWT_SECRET);
  const refreshed = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ query: 'mutation { refreshStatistics(full: true) { finishedAt } }' }),
  });
  expect(((await refreshed.json()) as { errors?: unknown }).errors).toBeUndefined();
});
afterAll(async () => {
  await graph?.stop();
});

describe('the client package against the graph', () => {
  it('registers every operation of src/operations, each under the sha256 of its text', () => {
    expect(Object.keys(manifest).length).toBeGreaterThanOrEqual(5);
    for (const [hash, document] of Object.entries(manifest)) {
      expect(hash).toBe(`sha256:${createHash('sha256').update(document).digest('hex')}`);
      expect(document).toMatch(/^query \w+/);
    }
  });

  it.each(Object.entries(manifest).map(([hash, document]) => [/^query (\w+)/.exec(document)?.[1], hash]))('runs %s by its id alone, with its default variables', async (_name, hash) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
      body: JSON.stringify({ documentId: hash }),
    });
    const answer = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    expect(answer.errors).toBeUndefined();
    expect(response.status).toBe(200);
    expect(answer.data).toBeTruthy();
  });

  it('gives typed data: a region dashboard, anonymously, by id only, the same as the document sent as text', async () => {
    const variables = { code: '620100', communities: 2 };
    const data = await request(RegionDashboardDocument, variables, { url });
    expect(data.region?.code).toBe('620100');
    expect(data.region?.communities.edges).toHaveLength(2);
    const asText = await request(RegionDashboardDocument, variables, { url, token: analyst, persisted: false });
    expect(data).toEqual(asText);
  });

  it('refuses an anonymous document that is not registered, and says why', async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ regions { code } }' }) });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('turns an error answer into a ShequGraphQLError with its code', async () => {
    const failure = await request(IndicatorTableDocument, { input: { level: 'COUNTY', within: ['629900'], indicators: ['INCIDENTS'] }, first: 10 }, { url, token: analyst }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ShequGraphQLError);
    expect((failure as ShequGraphQLError).code).toBe('NOT_FOUND');
  });
});
