import type { SubgraphEntry } from '@shequ/schema';
import { internalUrl, readsDepartments, subgraphCommand } from './deployment';

const SECRET_ENV = [
  '            - { name: JWT_SECRET, valueFrom: { secretKeyRef: { name: shequ, key: jwt-secret } } }',
  '            - { name: SUBGRAPH_SIGNING_KEY, valueFrom: { secretKeyRef: { name: shequ, key: subgraph-signing-key } } }',
  '            # Prometheus scrapes /metrics with this bearer token; without it /metrics answers 404.',
  '            - { name: METRICS_TOKEN, valueFrom: { secretKeyRef: { name: shequ, key: metrics-token, optional: true } } }',
];

/** `infra/k8s/shequ.yaml` below its generated header: a Deployment and a Service per subgraph in the list, the gateway's, and the NetworkPolicy. */
export function renderKubernetesManifests(subgraphs: readonly SubgraphEntry[], gatewayPort: number): string {
  const departments = subgraphs.filter((entry) => entry.department);
  return [
    '# Shequ on Kubernetes: the gateway and each subgraph as a Deployment + Service.',
    '# Needs a Secret `shequ` with keys `jwt-secret`, `subgraph-signing-key` (the',
    '# gateway signs its subgraph requests with it; at least 32 characters) and',
    '# `database-url`, e.g.',
    '#   kubectl create secret generic shequ --from-literal=jwt-secret=$(openssl rand -hex 32) \\',
    '#     --from-literal=subgraph-signing-key=$(openssl rand -hex 32) --from-literal=database-url=postgres://...',
    '# Every process is stateless: scale any Deployment freely. Subgraphs are',
    '# private: the NetworkPolicy at the end admits only the gateway to them, and',
    '# every subgraph verifies the caller\'s token again whatever reaches it.',
    ...subgraphs.flatMap((entry) => [...subgraphDeployment(entry, departments), '---', ...service(entry.name, entry.port), '---']),
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: { name: gateway, labels: { app: gateway } }',
    'spec:',
    '  replicas: 2',
    '  selector: { matchLabels: { app: gateway } }',
    '  template:',
    '    metadata: { labels: { app: gateway } }',
    '    spec:',
    '      terminationGracePeriodSeconds: 30',
    '      containers:',
    '        - name: gateway',
    '          image: shequ:latest',
    '          command: ["node", "gateway/dist/main.js"]',
    `          ports: [{ containerPort: ${gatewayPort} }]`,
    '          env:',
    '            - { name: NODE_ENV, value: production }',
    '            - { name: WORKERS, value: "2" }',
    ...SECRET_ENV,
    ...subgraphs.map(urlVariable),
    ...probes(gatewayPort),
    '          resources: { requests: { cpu: "1", memory: 256Mi }, limits: { memory: 768Mi } }',
    '---',
    ...service('gateway', gatewayPort),
    '---',
    '# Subgraphs are reached only through the gateway (and governance\'s assessment',
    '# runs call the gateway, not the subgraphs).',
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata: { name: subgraphs-private }',
    'spec:',
    '  podSelector: { matchLabels: { tier: subgraph } }',
    '  policyTypes: [Ingress]',
    '  ingress:',
    '    - from: [{ podSelector: { matchLabels: { app: gateway } } }]',
    '',
  ].join('\n');
}

function subgraphDeployment(entry: SubgraphEntry, departments: readonly SubgraphEntry[]): string[] {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: { name: ${entry.name}, labels: { app: ${entry.name}, tier: subgraph } }`,
    'spec:',
    '  replicas: 2',
    `  selector: { matchLabels: { app: ${entry.name} } }`,
    '  template:',
    `    metadata: { labels: { app: ${entry.name}, tier: subgraph } }`,
    '    spec:',
    '      terminationGracePeriodSeconds: 30',
    '      containers:',
    `        - name: ${entry.name}`,
    '          image: shequ:latest',
    `          command: ${subgraphCommand(entry)}`,
    `          ports: [{ containerPort: ${entry.port} }]`,
    '          env:',
    '            - { name: NODE_ENV, value: production }',
    ...SECRET_ENV,
    '            - { name: DATABASE_URL, valueFrom: { secretKeyRef: { name: shequ, key: database-url } } }',
    ...(readsDepartments(entry)
      ? [
          '            # The department feeds, read on each subgraph directly; both replicas schedule the refresh, the advisory lock runs one at a time.',
          ...departments.map(urlVariable),
        ]
      : []),
    ...probes(entry.port),
    '          resources: { requests: { cpu: 250m, memory: 256Mi }, limits: { memory: 512Mi } }',
  ];
}

function service(name: string, port: number): string[] {
  return ['apiVersion: v1', 'kind: Service', `metadata: { name: ${name} }`, 'spec:', `  selector: { app: ${name} }`, `  ports: [{ port: ${port}, targetPort: ${port} }]`];
}

function probes(port: number): string[] {
  return [
    `          readinessProbe: { httpGet: { path: /ready, port: ${port} }, periodSeconds: 5 }`,
    `          livenessProbe: { httpGet: { path: /health, port: ${port} }, periodSeconds: 10 }`,
  ];
}

function urlVariable(entry: SubgraphEntry): string {
  return `            - { name: ${entry.urlVariable}, value: ${internalUrl(entry)} }`;
}
