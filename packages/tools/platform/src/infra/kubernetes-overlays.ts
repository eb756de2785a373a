import type { Deployment } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { ConfigMap, EnvVar, ResourceRequirements } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { SubgraphEntry } from '@shequ/schema';
import { deployables, GATEWAY_NAME, type Deployable } from './deployment';
import { configMapEnv, resources, SECRET, secretEnv, valueEnv, type Manifest } from './kubernetes-objects';
import { kustomization, type Kustomization } from './kustomization';

/** Part of an object, as a strategic-merge patch spells it: every field optional, its kind and name required to find its target. */
export type Patch<Resource extends { apiVersion?: string; kind?: string }> = DeepPartial<Resource> & {
  apiVersion: NonNullable<Resource['apiVersion']>;
  kind: NonNullable<Resource['kind']>;
  metadata: { name: string };
};

type DeepPartial<Value> = Value extends Array<infer Item> ? Array<DeepPartial<Item>> : Value extends object ? { [Key in keyof Value]?: DeepPartial<Value[Key]> } : Value;

/** One file of an overlay: a patch, or an object the overlay adds, with the comment lines above it. */
export interface OverlayFile {
  /** Relative to the overlay's folder. */
  path: string;
  comments: string[];
  object: object;
}

export interface Overlay {
  name: 'dev' | 'prod';
  kustomization: Kustomization;
  files: OverlayFile[];
}

/** The ConfigMap the prod overlay reads its token verification from. */
export const TOKENS_CONFIG_MAP = 'shequ-tokens';

/** What differs between the overlays, per process. */
interface OverlaySettings {
  name: Overlay['name'];
  namespace: string;
  tag: string;
  replicas: (deployable: Deployable) => { min: number; max: number };
  resources: (deployable: Deployable) => ResourceRequirements;
  /** How tokens are verified: what each long-running process is given. */
  tokenEnv: EnvVar[];
  gatewayEnv: EnvVar[];
  resourcesAdded: OverlayFile[];
  ingress?: Patch<Ingress>;
}

function deploymentPatch(deployable: Deployable, settings: OverlaySettings): Patch<Deployment> {
  const env = [...settings.tokenEnv, ...(deployable.subgraph ? [] : settings.gatewayEnv)];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: deployable.name },
    spec: { template: { spec: { containers: [{ name: deployable.name, env, resources: settings.resources(deployable) }] } } },
  };
}

function autoscalerPatch(deployable: Deployable, settings: OverlaySettings): Patch<HorizontalPodAutoscaler> {
  const { min, max } = settings.replicas(deployable);
  return { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: deployable.name }, spec: { minReplicas: min, maxReplicas: max } };
}

function overlay(subgraphs: readonly SubgraphEntry[], gatewayPort: number, settings: OverlaySettings): Overlay {
  const processes = deployables(subgraphs, gatewayPort);
  const patches: OverlayFile[] = processes.flatMap((deployable) => [
    { path: `patches/${deployable.name}-deployment.yaml`, comments: [`${deployable.name}: how tokens are verified, and its resources, in ${settings.name}.`], object: deploymentPatch(deployable, settings) },
    { path: `patches/${deployable.name}-autoscaler.yaml`, comments: [`${deployable.name}: its replicas in ${settings.name}.`], object: autoscalerPatch(deployable, settings) },
  ]);
  if (settings.ingress) {
    patches.push({ path: 'patches/gateway-ingress.yaml', comments: ["The gateway's public host and its TLS certificate (a Secret of type kubernetes.io/tls)."], object: settings.ingress });
  }
  return {
    name: settings.name,
    kustomization: kustomization({
      namespace: settings.namespace,
      resources: ['../../base', ...settings.resourcesAdded.map((file) => file.path)],
      images: processes.map((deployable) => ({ name: deployable.image, newTag: settings.tag })),
      patches: patches.map((file) => ({ path: file.path })),
    }),
    files: [...settings.resourcesAdded, ...patches],
  };
}

/**
 * dev: one replica of each process, small requests, tokens signed with the
 * HS256 secret of the Secret `shequ-jwt`, the GraphQL IDE on.
 */
export function devOverlay(subgraphs: readonly SubgraphEntry[], gatewayPort: number): Overlay {
  return overlay(subgraphs, gatewayPort, {
    name: 'dev',
    namespace: 'shequ-dev',
    tag: 'dev',
    replicas: () => ({ min: 1, max: 1 }),
    resources: (deployable) => (deployable.subgraph ? resources('50m', '128Mi', '384Mi') : resources('100m', '192Mi', '512Mi')),
    tokenEnv: [secretEnv('JWT_SECRET', SECRET.jwt, 'jwt-secret')],
    gatewayEnv: [valueEnv('IDE', 'true')],
    resourcesAdded: [],
  });
}

/**
 * prod: the gateway and every subgraph scale between their bounds, tokens
 * are RS256 verified against the identity provider's JWKS (no process holds
 * a signing secret), the Ingress has its host and certificate.
 */
export function prodOverlay(subgraphs: readonly SubgraphEntry[], gatewayPort: number, releaseTag: string): Overlay {
  const tokens: Manifest<ConfigMap> = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: TOKENS_CONFIG_MAP },
    data: { 'jwks-url': 'https://id.example.gov.cn/.well-known/jwks.json', issuer: 'https://id.example.gov.cn/', audience: 'shequ' },
  };
  return overlay(subgraphs, gatewayPort, {
    name: 'prod',
    namespace: 'shequ',
    tag: releaseTag,
    replicas: (deployable) => (deployable.subgraph ? { min: 2, max: 8 } : { min: 3, max: 12 }),
    resources: (deployable) => (deployable.subgraph ? resources('500m', '384Mi', '1Gi') : resources('1', '512Mi', '1Gi')),
    tokenEnv: [
      configMapEnv('JWT_JWKS_URL', TOKENS_CONFIG_MAP, 'jwks-url'),
      configMapEnv('JWT_ISSUER', TOKENS_CONFIG_MAP, 'issuer', true),
      configMapEnv('JWT_AUDIENCE', TOKENS_CONFIG_MAP, 'audience', true),
    ],
    gatewayEnv: [],
    resourcesAdded: [
      {
        path: 'tokens-config.yaml',
        comments: ['Where every process verifies tokens (RS256): your identity provider\'s JWKS, issuer and audience. Edit before the first deploy.'],
        object: tokens,
      },
    ],
    ingress: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: GATEWAY_NAME },
      spec: {
        tls: [{ hosts: ['shequ.example.gov.cn'], secretName: 'shequ-tls' }],
        rules: [{ host: 'shequ.example.gov.cn', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: GATEWAY_NAME, port: { name: 'http' } } } }] } }],
      },
    },
  });
}
