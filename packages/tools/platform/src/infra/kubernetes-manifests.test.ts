import type { Deployment } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Job } from 'kubernetes-types/batch/v1';
import type { ConfigMap, PodSpec, Service } from 'kubernetes-types/core/v1';
import type { Ingress, NetworkPolicy, NetworkPolicyPeer } from 'kubernetes-types/networking/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { databaseSchemaOf, GATEWAY_PORT, SUBGRAPHS } from '@shequ/schema';
import { departmentRoles } from '../migrate/department-roles';
import { MIGRATE_COMMAND } from './deployment';
import { baseFiles } from './kubernetes-base';

// The base as the generator builds it: objects of kubernetes-types' interfaces, checked by the compiler before these tests run.
const objects = baseFiles(SUBGRAPHS, GATEWAY_PORT).flatMap((file) => file.objects);

function find<Kind>(kind: string, name: string): Kind {
  const found = objects.filter((object) => object.kind === kind && object.metadata.name === name);
  expect(found).toHaveLength(1);
  return found[0] as Kind;
}

const ofKind = <Kind>(kind: string) => objects.filter((object) => object.kind === kind) as Kind[];

function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value);
}

/** Every pod spec of the base: the Deployments' and the Jobs'. */
const pods: Array<[string, PodSpec]> = [
  ...ofKind<Deployment>('Deployment').map((deployment): [string, PodSpec] => [`Deployment/${deployment.metadata?.name}`, deployment.spec?.template.spec as PodSpec]),
  ...ofKind<Job>('Job').map((job): [string, PodSpec] => [`Job/${job.metadata?.name}`, job.spec?.template.spec as PodSpec]),
];

describe('every pod of the base', () => {
  it.each(pods)('%s runs as a non-root user with a read-only root filesystem, no privilege to gain, no capability, /tmp its only writable place', (_name, pod) => {
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.volumes).toContainEqual({ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } });
    for (const container of pod.containers) {
      expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
      expect(container.resources?.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container.resources?.limits?.memory).toEqual(expect.any(String));
    }
  });

  it('holds no JWT secret: how tokens are verified is each overlay\'s', () => {
    const variables = pods.flatMap(([, pod]) => pod.containers.flatMap((container) => (container.env ?? []).map((variable) => variable.name)));
    expect(variables).toContain('SUBGRAPH_SIGNING_KEY');
    expect(variables.filter((name) => name.startsWith('JWT_'))).toEqual([]);
  });
});

describe.each(ofKind<Deployment>('Deployment').map((deployment) => [deployment.metadata?.name as string, deployment]))('the %s Deployment', (name, deployment) => {
  const pod = deployment.spec?.template.spec as PodSpec;
  const [container] = pod.containers;
  const podLabels = deployment.spec?.template.metadata?.labels;

  it('has a startup probe covering a slow start before liveness may restart it, liveness on /health, and readiness on a subgraph\'s /ready (the gateway\'s /health: its /ready fails with any department)', () => {
    expect(container.startupProbe?.httpGet).toEqual({ path: '/health', port: 'http' });
    expect((container.startupProbe?.periodSeconds ?? 0) * (container.startupProbe?.failureThreshold ?? 0)).toBeGreaterThanOrEqual(300);
    expect(container.livenessProbe?.httpGet).toEqual({ path: '/health', port: 'http' });
    expect(container.readinessProbe?.httpGet).toEqual({ path: name === 'gateway' ? '/health' : '/ready', port: 'http' });
  });

  it('runs its own image, is selected by its Service, budget and autoscaler, and leaves its replica count to the autoscaler', () => {
    expect(container.image).toBe(`shequ/${name}`);
    expect(deployment.spec?.replicas).toBeUndefined();
    expect(selects(deployment.spec?.selector.matchLabels, podLabels)).toBe(true);
    const service = find<Service>('Service', name);
    expect(selects(service.spec?.selector, podLabels)).toBe(true);
    expect(service.spec?.ports?.[0]).toMatchObject({ port: container.ports?.[0].containerPort, targetPort: 'http' });
    expect(selects(find<PodDisruptionBudget>('PodDisruptionBudget', name).spec?.selector?.matchLabels, podLabels)).toBe(true);
    const autoscaler = find<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', name);
    expect(autoscaler.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
    expect(autoscaler.spec?.minReplicas).toBeLessThanOrEqual(autoscaler.spec?.maxReplicas ?? 0);
  });

  it('is not selected by any migration Job pod selector, nor selects one', () => {
    for (const job of ofKind<Job>('Job')) {
      expect(selects(deployment.spec?.selector.matchLabels, job.spec?.template.metadata?.labels)).toBe(false);
    }
  });
});

describe.each(SUBGRAPHS.map((entry) => [entry.name, entry]))('the %s subgraph', (name, entry) => {
  const deployment = find<Deployment>('Deployment', name);
  const env = deployment.spec?.template.spec?.containers[0].env ?? [];

  it('connects with its own database URL, from its own Secret, and never with DATABASE_URL', () => {
    expect(env.find((variable) => variable.name === entry.databaseUrlVariable)?.valueFrom?.secretKeyRef).toEqual({ name: `shequ-${name}-database`, key: 'url' });
    const databaseSecrets = env.flatMap((variable) => (variable.valueFrom?.secretKeyRef?.name?.endsWith('-database') ? [variable.valueFrom.secretKeyRef.name] : []));
    expect(databaseSecrets).toEqual([`shequ-${name}-database`]);
    expect(env.map((variable) => variable.name)).not.toContain('DATABASE_URL');
  });

  it('is migrated by a Job running `main.js migrate up` in the same image, and refuses to start with a migration pending', () => {
    const job = find<Job>('Job', `${name}-migrate`);
    const [migrate] = job.spec?.template.spec?.containers ?? [];
    expect(migrate.command).toEqual(MIGRATE_COMMAND);
    expect(migrate.image).toBe(deployment.spec?.template.spec?.containers[0].image);
    expect(migrate.env?.find((variable) => variable.name === entry.databaseUrlVariable)).toEqual(env.find((variable) => variable.name === entry.databaseUrlVariable));
    expect(migrate.env?.map((variable) => variable.name)).toEqual(['NODE_ENV', entry.databaseUrlVariable]);
    expect(job.spec?.template.spec?.restartPolicy).toBe('Never');
    expect(env).toContainEqual({ name: 'MIGRATE_ON_START', value: 'false' });
  });
});

describe('the network policies', () => {
  const policies = ofKind<NetworkPolicy>('NetworkPolicy');
  const gatewayPeer: NetworkPolicyPeer = { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway', 'app.kubernetes.io/component': 'gateway' } } };
  const prometheusPeer: NetworkPolicyPeer = {
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
    podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
  };
  const statisticsPeer: NetworkPolicyPeer = { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'statistics', 'app.kubernetes.io/component': 'subgraph' } } };

  /** Who may reach pods with these labels: the union of every policy selecting them (NetworkPolicies add up). */
  function admitted(labels: Record<string, string> | undefined): NetworkPolicyPeer[] {
    return policies
      .filter((policy) => selects(policy.spec?.podSelector.matchLabels, labels))
      .flatMap((policy) => {
        expect(policy.spec?.policyTypes).toEqual(['Ingress']);
        return (policy.spec?.ingress ?? []).flatMap((rule) => {
          // A rule without `from` would admit everyone.
          expect(rule.from?.length).toBeGreaterThan(0);
          expect(rule.ports).toEqual([{ port: 'http', protocol: 'TCP' }]);
          return rule.from ?? [];
        });
      });
  }

  it.each(SUBGRAPHS.map((entry) => [entry.name, entry.department]))('admit only the gateway and Prometheus to %s (and statistics, to a department)', (name, department) => {
    const peers = admitted(find<Deployment>('Deployment', name).spec?.template.metadata?.labels);
    expect(peers).toHaveLength(department ? 3 : 2);
    expect(peers).toEqual(expect.arrayContaining(department ? [gatewayPeer, prometheusPeer, statisticsPeer] : [gatewayPeer, prometheusPeer]));
  });

  it('leave the gateway to its Ingress', () => {
    expect(admitted(find<Deployment>('Deployment', 'gateway').spec?.template.metadata?.labels)).toEqual([]);
    const ingress = find<Ingress>('Ingress', 'gateway');
    expect(ingress.spec?.rules?.[0].http?.paths[0].backend.service).toEqual({ name: 'gateway', port: { name: 'http' } });
  });
});

describe('the database roles', () => {
  it('are made by a Job running the roles SQL, one role per subgraph, each password from its subgraph\'s Secret', () => {
    const sql = find<ConfigMap>('ConfigMap', 'shequ-database-roles').data?.['roles.sql'] ?? '';
    for (const entry of SUBGRAPHS) {
      expect(sql).toContain(`CREATE SCHEMA IF NOT EXISTS "${databaseSchemaOf(entry.name)}" AUTHORIZATION "shequ_${databaseSchemaOf(entry.name)}"`);
    }
    const [psql] = find<Job>('Job', 'shequ-database-roles').spec?.template.spec?.containers ?? [];
    expect(psql.command).toEqual(['psql', '--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '-f', '/sql/roles.sql']);
    expect(psql.env).toEqual(
      departmentRoles().map((role) => ({ name: role.passwordEnvironmentVariable, valueFrom: { secretKeyRef: { name: `shequ-${role.subgraph}-database`, key: 'password' } } })),
    );
  });
});
