import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Container, EnvVar } from 'kubernetes-types/core/v1';
import { GATEWAY_PORT, REPOSITORY_ROOT, SUBGRAPHS } from '@shequ/schema';
import { deployables } from './deployment';
import { readReleaseTag } from './infra-files';
import type { AnyManifest } from './kubernetes-objects';
import { buildKustomization, KustomizeSubsetError, strategicMerge } from './kustomize-subset';

// The committed overlays, built by the subset of Kustomize this project uses (kustomize itself is not installed here).
const k8s = join(REPOSITORY_ROOT, 'infra', 'k8s');
const base = buildKustomization(join(k8s, 'base'));
const dev = buildKustomization(join(k8s, 'overlays', 'dev'));
const prod = buildKustomization(join(k8s, 'overlays', 'prod'));
const processes = deployables(SUBGRAPHS, GATEWAY_PORT);

function find(objects: AnyManifest[], kind: string, name: string): AnyManifest {
  const found = objects.filter((object) => object.kind === kind && object.metadata.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

/** Every container of every pod template (Deployments and Jobs), with the object it belongs to. */
function containers(objects: AnyManifest[]): Array<{ owner: string; container: Container }> {
  return objects.flatMap((object) => {
    const pod = (object.spec as { template?: { spec?: { containers?: Container[] } } } | undefined)?.template?.spec;
    return (pod?.containers ?? []).map((container) => ({ owner: `${object.kind}/${object.metadata.name}`, container }));
  });
}

function container(objects: AnyManifest[], name: string): Container {
  return (find(objects, 'Deployment', name).spec as { template: { spec: { containers: Container[] } } }).template.spec.containers[0];
}

const variable = (env: EnvVar[] | undefined, name: string) => env?.find((entry) => entry.name === name);

describe.each([
  ['dev', dev, 'shequ-dev', 'dev'],
  ['prod', prod, 'shequ', readReleaseTag(REPOSITORY_ROOT)],
])('the %s overlay', (_overlay, objects, namespace, tag) => {
  it('holds every object of the base, each in its namespace', () => {
    expect(objects.map((object) => `${object.kind}/${object.metadata.name}`)).toEqual(expect.arrayContaining(base.map((object) => `${object.kind}/${object.metadata.name}`)));
    expect(new Set(objects.map((object) => object.metadata.namespace))).toEqual(new Set([namespace]));
  });

  it('tags every Shequ image, Jobs included, with its release', () => {
    const images = containers(objects).map(({ container }) => container.image ?? '').filter((image) => image.startsWith('shequ/'));
    expect(images.length).toBe(processes.length + SUBGRAPHS.length);
    expect(images.every((image) => image.endsWith(`:${tag}`))).toBe(true);
  });

  it.each(processes.map((deployable) => [deployable.name]))('keeps the base variables of %s while its patch adds how tokens are verified', (name) => {
    const patched = container(objects, name);
    const original = container(base, name);
    expect(patched.env?.slice(0, original.env?.length)).toEqual(original.env);
    expect(patched.env?.length).toBeGreaterThan(original.env?.length ?? 0);
    expect(patched.startupProbe).toEqual(original.startupProbe);
    expect(patched.resources).not.toEqual(original.resources);
  });
});

describe('dev', () => {
  it.each(processes.map((deployable) => [deployable.name]))('runs one replica of %s, verifying HS256 tokens with the JWT secret', (name) => {
    expect(find(dev, 'HorizontalPodAutoscaler', name).spec).toMatchObject({ minReplicas: 1, maxReplicas: 1 });
    expect(variable(container(dev, name).env, 'JWT_SECRET')?.valueFrom?.secretKeyRef).toEqual({ name: 'shequ-jwt', key: 'jwt-secret' });
    expect(variable(container(dev, name).env, 'JWT_JWKS_URL')).toBeUndefined();
  });
});

describe('prod', () => {
  it('gives no pod the JWT secret: every process verifies RS256 tokens against the JWKS', () => {
    const all = containers(prod);
    expect(all.filter(({ container }) => variable(container.env, 'JWT_SECRET'))).toEqual([]);
    for (const deployable of processes) {
      expect(variable(container(prod, deployable.name).env, 'JWT_JWKS_URL')?.valueFrom?.configMapKeyRef).toEqual({ name: 'shequ-tokens', key: 'jwks-url' });
    }
    expect(find(prod, 'ConfigMap', 'shequ-tokens').data).toMatchObject({ 'jwks-url': expect.stringMatching(/^https:\/\//) });
  });

  it('scales every process between bounds of at least two replicas, and serves the gateway on its host with TLS', () => {
    for (const deployable of processes) {
      const spec = find(prod, 'HorizontalPodAutoscaler', deployable.name).spec as { minReplicas: number; maxReplicas: number };
      expect(spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(spec.maxReplicas).toBeGreaterThan(spec.minReplicas);
    }
    expect(find(prod, 'Ingress', 'gateway').spec).toMatchObject({ tls: [{ hosts: ['shequ.example.gov.cn'], secretName: 'shequ-tls' }], rules: [{ host: 'shequ.example.gov.cn' }] });
  });
});

describe('the overlay builder (the subset of Kustomize the overlays use)', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'kustomize-subset-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const write = (path: string, text: string) => {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  };
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { template: { spec: { containers: [{ name: web, image: shequ/web, args: [a, b], env: [{ name: A, value: "1" }] }] } } }\n';

  it('merges containers and env by name, replaces other lists, sets images and the namespace', () => {
    write('base/kustomization.yaml', 'resources: [web.yaml]\n');
    write('base/web.yaml', deployment);
    write('overlay/kustomization.yaml', 'resources: [../base]\nnamespace: ns\nimages: [{ name: shequ/web, newTag: "2" }]\npatches: [{ path: web.yaml }]\n');
    write('overlay/web.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { template: { spec: { containers: [{ name: web, args: [c], env: [{ name: A, value: "2" }, { name: B, value: "3" }] }] } } }\n');
    const [built] = buildKustomization(join(folder, 'overlay'));
    expect(built.metadata).toEqual({ name: 'web', namespace: 'ns' });
    expect(built.spec).toEqual({
      template: { spec: { containers: [{ name: 'web', image: 'shequ/web:2', args: ['c'], env: [{ name: 'A', value: '2' }, { name: 'B', value: '3' }] }] } },
    });
  });

  it.each([
    ['a field it does not implement', { 'kustomization.yaml': 'resources: [web.yaml]\ncommonLabels: { a: b }\n', 'web.yaml': deployment }, 'UNSUPPORTED_FIELD'],
    ['a resource that does not exist', { 'kustomization.yaml': 'resources: [gone.yaml]\n' }, 'MISSING_FILE'],
    ['a patch that does not exist', { 'kustomization.yaml': 'resources: [web.yaml]\npatches: [{ path: gone.yaml }]\n', 'web.yaml': deployment }, 'MISSING_FILE'],
    ['a patch of an object no resource defines', { 'kustomization.yaml': 'resources: [web.yaml]\npatches: [{ path: p.yaml }]\n', 'web.yaml': deployment, 'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\n' }, 'NO_PATCH_TARGET'],
    ['a patch directive', { 'kustomization.yaml': 'resources: [web.yaml]\npatches: [{ path: p.yaml }]\n', 'web.yaml': deployment, 'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { $patch: replace }\n' }, 'UNSUPPORTED_PATCH'],
    ['two objects of one kind and name', { 'kustomization.yaml': 'resources: [web.yaml, again.yaml]\n', 'web.yaml': deployment, 'again.yaml': deployment }, 'DUPLICATE_OBJECT'],
  ])('refuses %s, by code', (_case, files, code) => {
    for (const [path, text] of Object.entries(files)) {
      write(path, text);
    }
    let thrown: unknown;
    try {
      buildKustomization(folder);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(KustomizeSubsetError);
    expect((thrown as KustomizeSubsetError).code).toBe(code);
  });

  it('deletes a key patched to null, as a strategic merge does', () => {
    expect(strategicMerge({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null } })).toEqual({ a: 1, b: { d: 3 } });
  });
});
