import type { Deployment } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Job } from 'kubernetes-types/batch/v1';
import type { ConfigMap, Container, EnvVar, Service } from 'kubernetes-types/core/v1';
import type { Ingress, NetworkPolicy, NetworkPolicyPeer } from 'kubernetes-types/networking/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { SUBGRAPHS, type SubgraphEntry } from '@shequ/schema';
import { departmentRoles, departmentRolesSql } from '../migrate/department-roles';
import { DEPLOYED_SUPERGRAPH_PATH, deployables, GATEWAY_NAME, GATEWAY_NODE_OPTIONS, internalUrl, MIGRATE_COMMAND, readsDepartments, type Deployable } from './deployment';
import {
  DATABASE_NAME,
  DATABASE_SECRET_KEY,
  databaseSecretOf,
  LABEL,
  objectLabels,
  PART_OF,
  podSpec,
  POD_SECURITY,
  probes,
  PROMETHEUS,
  resources,
  SECRET,
  secretEnv,
  selectorLabels,
  valueEnv,
  type Component,
  type Manifest,
} from './kubernetes-objects';
import { kustomization, type Kustomization } from './kustomization';

/** One file of the base: its name in `infra/k8s/base/`, what it is for, and its objects. */
export interface ManifestFile {
  name: string;
  comments: string[];
  objects: Array<Manifest<{ apiVersion?: string; kind?: string }>>;
}

/** Replicas the base allows each process; the overlays set their own bounds. */
export const BASE_REPLICAS = { min: 2, max: 4 } as const;

/** Variables every long-running process reads from Secrets (tokens come from the overlays: HS256 in dev, JWKS in prod). */
function sharedSecretEnv(): EnvVar[] {
  return [
    secretEnv('SUBGRAPH_SIGNING_KEY', SECRET.signingKey, 'subgraph-signing-key'),
    // Prometheus scrapes /metrics with this bearer token; without it /metrics answers 404 outside development.
    secretEnv('METRICS_TOKEN', SECRET.metrics, 'metrics-token', true),
  ];
}

function urlEnv(entries: readonly SubgraphEntry[]): EnvVar[] {
  return entries.map((entry) => valueEnv(entry.urlVariable, internalUrl(entry)));
}

function databaseUrlEnv(entry: SubgraphEntry): EnvVar {
  return secretEnv(entry.databaseUrlVariable, databaseSecretOf(entry), DATABASE_SECRET_KEY.url);
}

function serviceContainer(deployable: Deployable, env: EnvVar[], cpu: string, memory: string, memoryLimit: string, readinessPath: '/ready' | '/health' = '/ready'): Container {
  return {
    name: deployable.name,
    image: deployable.image,
    ports: [{ name: 'http', containerPort: deployable.port, protocol: 'TCP' }],
    env,
    ...probes(readinessPath),
    resources: resources(cpu, memory, memoryLimit),
  };
}

function deployment(deployable: Deployable, component: Component, container: Container, extraLabels: Record<string, string>): Manifest<Deployment> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: deployable.name, labels: objectLabels(deployable.name, component, extraLabels) },
    spec: {
      // No `replicas`: its HorizontalPodAutoscaler owns the count, which an apply would otherwise reset.
      selector: { matchLabels: selectorLabels(deployable.name, component) },
      // A new pod must be ready before an old one goes: one that cannot start (a migration still pending) leaves the release serving.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: {
          labels: objectLabels(deployable.name, component, extraLabels),
          annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(deployable.port), 'prometheus.io/path': '/metrics' },
        },
        spec: podSpec([container], { terminationGracePeriodSeconds: 30 }),
      },
    },
  };
}

function service(deployable: Deployable, component: Component): Manifest<Service> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: deployable.name, labels: objectLabels(deployable.name, component) },
    spec: { selector: selectorLabels(deployable.name, component), ports: [{ name: 'http', port: deployable.port, targetPort: 'http', protocol: 'TCP' }] },
  };
}

function autoscaler(deployable: Deployable, component: Component): Manifest<HorizontalPodAutoscaler> {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: deployable.name, labels: objectLabels(deployable.name, component) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: deployable.name },
      minReplicas: BASE_REPLICAS.min,
      maxReplicas: BASE_REPLICAS.max,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    },
  };
}

function disruptionBudget(deployable: Deployable, component: Component): Manifest<PodDisruptionBudget> {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    // One pod at a time: with one replica (dev) a drain still proceeds; with more, the rest keep serving.
    metadata: { name: deployable.name, labels: objectLabels(deployable.name, component) },
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorLabels(deployable.name, component) } },
  };
}

/** The migration Job's name: a release deletes the previous one first (a Job's pod template cannot change). */
export function migrationJobName(entry: SubgraphEntry): string {
  return `${entry.name}-migrate`;
}

function migrationJob(deployable: Deployable, entry: SubgraphEntry): Manifest<Job> {
  const labels = objectLabels(entry.name, 'migration');
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: migrationJobName(entry), labels },
    spec: {
      backoffLimit: 3,
      template: {
        metadata: { labels },
        spec: podSpec(
          [
            {
              name: 'migrate',
              image: deployable.image,
              command: MIGRATE_COMMAND,
              // The migration command reads the database URL alone: no token secret or signing key reaches it.
              env: [valueEnv('NODE_ENV', 'production'), databaseUrlEnv(entry)],
              // A backfill over millions of rows wants more memory than serving does.
              resources: resources('100m', '256Mi', '1Gi'),
            },
          ],
          { restartPolicy: 'Never' },
        ),
      },
    },
  };
}

function subgraphFile(deployable: Deployable, entry: SubgraphEntry, departments: readonly SubgraphEntry[]): ManifestFile {
  const env = [
    valueEnv('NODE_ENV', 'production'),
    // The migration Job applies them; a process with one pending refuses to start and is restarted until the Job is done.
    valueEnv('MIGRATE_ON_START', 'false'),
    databaseUrlEnv(entry),
    ...sharedSecretEnv(),
    ...(readsDepartments(entry) ? urlEnv(departments) : []),
  ];
  const extraLabels: Record<string, string> = entry.department ? { [LABEL.department]: 'true' } : {};
  return {
    name: `${entry.name}.yaml`,
    comments: [
      `The ${entry.name} subgraph: its migration Job, Deployment, Service, autoscaler and disruption budget.`,
      `Its database URL (${entry.databaseUrlVariable}) is the \`url\` of the Secret ${databaseSecretOf(entry)}, connecting as its own role.`,
    ],
    objects: [
      migrationJob(deployable, entry),
      deployment(deployable, 'subgraph', serviceContainer(deployable, env, '250m', '256Mi', '512Mi'), extraLabels),
      service(deployable, 'subgraph'),
      autoscaler(deployable, 'subgraph'),
      disruptionBudget(deployable, 'subgraph'),
    ],
  };
}

function gatewayIngress(deployable: Deployable): Manifest<Ingress> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: deployable.name, labels: objectLabels(deployable.name, 'gateway') },
    spec: {
      rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: deployable.name, port: { name: 'http' } } } }] } }],
    },
  };
}

function gatewayFile(deployable: Deployable, subgraphs: readonly SubgraphEntry[]): ManifestFile {
  const env = [
    valueEnv('NODE_ENV', 'production'),
    valueEnv('NODE_OPTIONS', GATEWAY_NODE_OPTIONS),
    valueEnv('WORKERS', '2'),
    valueEnv('SUPERGRAPH_PATH', DEPLOYED_SUPERGRAPH_PATH),
    ...sharedSecretEnv(),
    ...urlEnv(subgraphs),
  ];
  return {
    name: `${deployable.name}.yaml`,
    comments: ['The gateway: the only process reached from outside the cluster, through its Ingress.'],
    objects: [
      deployment(deployable, 'gateway', serviceContainer(deployable, env, '500m', '256Mi', '768Mi', '/health'), {}),
      service(deployable, 'gateway'),
      autoscaler(deployable, 'gateway'),
      disruptionBudget(deployable, 'gateway'),
      gatewayIngress(deployable),
    ],
  };
}

/** A policy admitting only `from` to the `http` port of the pods labelled `podLabels`: once one selects a pod, whatever no policy admits is refused. */
function admittedOn(name: string, podLabels: Record<string, string>, from: NetworkPolicyPeer[]): Manifest<NetworkPolicy> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, labels: { [LABEL.partOf]: PART_OF } },
    spec: { podSelector: { matchLabels: podLabels }, policyTypes: ['Ingress'], ingress: [{ from, ports: [{ port: 'http', protocol: 'TCP' }] }] },
  };
}

function subgraphEntryIn(subgraphs: readonly SubgraphEntry[], name: string): SubgraphEntry {
  const entry = subgraphs.find((candidate) => candidate.name === name);
  if (!entry) {
    throw new Error(`no subgraph named ${name} in the list the manifests are rendered from`);
  }
  return entry;
}

function networkPoliciesFile(subgraphs: readonly SubgraphEntry[]): ManifestFile {
  const readers = subgraphs.filter(readsDepartments);
  const policies = [
    admittedOn('subgraphs-from-gateway-and-prometheus', { [LABEL.component]: 'subgraph', [LABEL.partOf]: PART_OF }, [
      { podSelector: { matchLabels: selectorLabels(GATEWAY_NAME, 'gateway') } },
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': PROMETHEUS.namespace } }, podSelector: { matchLabels: { ...PROMETHEUS.podLabels } } },
    ]),
  ];
  if (readers.length > 0) {
    policies.push(
      admittedOn(
        'departments-from-statistics',
        { [LABEL.department]: 'true', [LABEL.partOf]: PART_OF },
        readers.map((entry) => ({ podSelector: { matchLabels: selectorLabels(entry.name, 'subgraph') } })),
      ),
    );
  }
  return {
    name: 'network-policies.yaml',
    comments: [
      'Subgraphs are private: on their port only the gateway, and Prometheus (pods labelled',
      `${LABEL.name}: prometheus in the \`${PROMETHEUS.namespace}\` namespace) scraping /metrics, reach them;`,
      'the departments also admit the subgraphs that read their feeds (statistics). Every',
      "subgraph verifies the caller's token again, whatever reaches it.",
    ],
    objects: policies,
  };
}

/**
 * The roles SQL (`departmentRolesSql`, passwords from the environment) and
 * the Job that runs it with psql as an administrator: once before the first
 * migration, and again whenever a department joins or a password changes.
 */
function databaseRolesFile(subgraphs: readonly SubgraphEntry[]): ManifestFile {
  const labels = objectLabels('database-roles', 'database-roles');
  // The roles SQL knows the subgraphs of @shequ/schema's list; a longer list rendered here (a test's department to come) gets its role once it is in that list.
  const known = subgraphs.filter((entry) => SUBGRAPHS.some((listed) => listed.name === entry.name)).map((entry) => entry.name);
  const roles = departmentRoles({ subgraphs: known });
  const configMap: Manifest<ConfigMap> = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'shequ-database-roles', labels },
    data: { 'roles.sql': departmentRolesSql({ database: DATABASE_NAME, subgraphs: known, passwords: 'environment' }) },
  };
  const job: Manifest<Job> = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'shequ-database-roles', labels },
    spec: {
      backoffLimit: 3,
      template: {
        metadata: { labels },
        spec: podSpec(
          [
            {
              name: 'psql',
              // psql 15 or later reads the passwords with \getenv.
              image: 'postgres:17',
              command: ['psql', '--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '-f', '/sql/roles.sql'],
              envFrom: [{ secretRef: { name: SECRET.databaseAdmin } }],
              env: roles.map((role) => secretEnv(role.passwordEnvironmentVariable, databaseSecretOf(subgraphEntryIn(subgraphs, role.subgraph)), DATABASE_SECRET_KEY.password)),
              resources: resources('50m', '64Mi', '128Mi'),
            },
          ],
          // The postgres image's own non-root user.
          { restartPolicy: 'Never', securityContext: { ...POD_SECURITY, runAsUser: 999, runAsGroup: 999 } },
          [{ volume: { name: 'sql', configMap: { name: configMap.metadata.name } }, mount: { name: 'sql', mountPath: '/sql', readOnly: true } }],
        ),
      },
    },
  };
  return {
    name: 'database-roles.yaml',
    comments: [
      'One PostgreSQL role per subgraph, owning its own schema and nothing else (departmentRolesSql of',
      `packages/tools/platform), in the database \`${DATABASE_NAME}\`. Run by an administrator from the Secret ${SECRET.databaseAdmin}`,
      "(PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD); each role's password is the `password` of its subgraph's",
      'database Secret, whose `url` the subgraph and its migration Job connect with.',
    ],
    objects: [configMap, job],
  };
}

/** Every file of `infra/k8s/base/` but its kustomization, in the order the kustomization lists them. */
export function baseFiles(subgraphs: readonly SubgraphEntry[], gatewayPort: number): ManifestFile[] {
  const departments = subgraphs.filter((entry) => entry.department);
  return [
    databaseRolesFile(subgraphs),
    ...deployables(subgraphs, gatewayPort).map((deployable) => (deployable.subgraph ? subgraphFile(deployable, deployable.subgraph, departments) : gatewayFile(deployable, subgraphs))),
    networkPoliciesFile(subgraphs),
  ];
}

export function baseKustomization(files: readonly ManifestFile[]): Kustomization {
  return kustomization({ resources: files.map((file) => file.name) });
}
