import type { Container, EnvVar, PodSecurityContext, PodSpec, Probe, ResourceRequirements, SecurityContext, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { SubgraphEntry } from '@shequ/schema';

/**
 * A Kubernetes object as `pnpm infra` writes it: the kubernetes-types
 * interface (every field optional there, as the API server fills them in)
 * with its apiVersion, kind and name required, since a manifest needs them.
 */
export type Manifest<Resource extends { apiVersion?: string; kind?: string; metadata?: ObjectMeta }> = Resource & {
  apiVersion: NonNullable<Resource['apiVersion']>;
  kind: NonNullable<Resource['kind']>;
  metadata: ObjectMeta & { name: string };
};

/** Any object a manifest file holds, as the overlay builder and the checks read it. */
export interface AnyManifest {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta & { name: string };
  [field: string]: unknown;
}

export const PART_OF = 'shequ';

/** What a pod is: the kinds the Services, PodDisruptionBudgets and NetworkPolicies select by. */
export type Component = 'gateway' | 'subgraph' | 'migration' | 'database-roles';

export const LABEL = {
  name: 'app.kubernetes.io/name',
  component: 'app.kubernetes.io/component',
  partOf: 'app.kubernetes.io/part-of',
  /** On department subgraphs: statistics reads their feeds, so their NetworkPolicy admits it too. */
  department: 'shequ/department',
} as const;

/** The labels that select one process's pods: its name and what it is (a migration Job's pods share the name, not the component). */
export function selectorLabels(name: string, component: Component): Record<string, string> {
  return { [LABEL.name]: name, [LABEL.component]: component };
}

export function objectLabels(name: string, component: Component, extra: Record<string, string> = {}): Record<string, string> {
  return { ...selectorLabels(name, component), [LABEL.partOf]: PART_OF, ...extra };
}

/** Where Prometheus is expected: pods labelled `app.kubernetes.io/name: prometheus` in the `monitoring` namespace. */
export const PROMETHEUS = { namespace: 'monitoring', podLabels: { [LABEL.name]: 'prometheus' } } as const;

/**
 * The Secrets the manifests read; none is generated (their values never
 * belong in the repository). infra/README.md says how to create each.
 */
export const SECRET = {
  /** `subgraph-signing-key`: the gateway signs subgraph requests with it, every subgraph verifies. */
  signingKey: 'shequ-signing-key',
  /** `metrics-token`, optional: the bearer token Prometheus scrapes `/metrics` with. */
  metrics: 'shequ-metrics',
  /** `jwt-secret`: the HS256 secret, in the dev overlay only. */
  jwt: 'shequ-jwt',
  /** PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD of an administrator: read only by the database-roles Job. */
  databaseAdmin: 'shequ-database-admin',
} as const;

/** One Secret per subgraph: `url` (its `<STEM>_DATABASE_URL`, connecting as its own role) and `password` (that role's, for the roles Job). */
export function databaseSecretOf(entry: SubgraphEntry): string {
  return `shequ-${entry.name}-database`;
}

export const DATABASE_SECRET_KEY = { url: 'url', password: 'password' } as const;

/** The database that holds every subgraph's schema; the roles SQL grants CONNECT on it by name. */
export const DATABASE_NAME = 'shequ';

export function valueEnv(name: string, value: string): EnvVar {
  return { name, value };
}

export function secretEnv(name: string, secret: string, key: string, optional?: boolean): EnvVar {
  return { name, valueFrom: { secretKeyRef: { name: secret, key, ...(optional ? { optional } : {}) } } };
}

export function configMapEnv(name: string, configMap: string, key: string, optional?: boolean): EnvVar {
  return { name, valueFrom: { configMapKeyRef: { name: configMap, key, ...(optional ? { optional } : {}) } } };
}

/** What every Shequ pod runs with: a non-root user (the image's `node`, uid 1000), no service account token, the runtime's seccomp profile. */
export const POD_SECURITY: PodSecurityContext = {
  runAsNonRoot: true,
  runAsUser: 1000,
  runAsGroup: 1000,
  seccompProfile: { type: 'RuntimeDefault' },
};

/** And every container: nothing written outside /tmp, no privilege to gain, no capability. */
export const CONTAINER_SECURITY: SecurityContext = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

/** The only writable place in a Shequ container (node and its libraries may write temporary files there). */
export const TMP_VOLUME: Volume = { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } };
export const TMP_MOUNT: VolumeMount = { name: 'tmp', mountPath: '/tmp' };

/** A volume every container of a pod mounts. */
export interface PodVolume {
  volume: Volume;
  mount: VolumeMount;
}

/** The pod spec fields every Shequ workload shares: security, the /tmp volume (and any other given), no API token. */
export function podSpec(containers: Container[], extra: Omit<PodSpec, 'containers' | 'volumes'> = {}, volumes: PodVolume[] = []): PodSpec {
  const mounted = [{ volume: TMP_VOLUME, mount: TMP_MOUNT }, ...volumes];
  return {
    automountServiceAccountToken: false,
    securityContext: POD_SECURITY,
    ...extra,
    containers: containers.map((container) => ({ ...container, securityContext: CONTAINER_SECURITY, volumeMounts: mounted.map((entry) => entry.mount) })),
    volumes: mounted.map((entry) => entry.volume),
  };
}

export function resources(cpu: string, memory: string, memoryLimit: string): ResourceRequirements {
  // No CPU limit: a throttled process answers late; requests reserve, the memory limit bounds a leak.
  return { requests: { cpu, memory }, limits: { memory: memoryLimit } };
}

/**
 * The three probes of a long-running process on its named port `http`:
 * startup on /health covers a slow start (up to 5 minutes) before liveness
 * may restart anything; liveness on /health (the event loop answers);
 * readiness on `readinessPath`: a subgraph's /ready (database reachable, no
 * migration pending). The gateway's /ready is not ready while any subgraph
 * is down, which would take every gateway pod out of the Service and turn
 * one department's outage into the whole graph's: its pods are ready on
 * /health, and answer the rest of each operation with a coded error for
 * the missing department.
 */
export function probes(readinessPath: '/ready' | '/health' = '/ready'): Pick<Container, 'startupProbe' | 'livenessProbe' | 'readinessProbe'> {
  const get = (path: string): Probe['httpGet'] => ({ path, port: 'http' });
  return {
    startupProbe: { httpGet: get('/health'), periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 60 },
    livenessProbe: { httpGet: get('/health'), periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
    readinessProbe: { httpGet: get(readinessPath), periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 },
  };
}
