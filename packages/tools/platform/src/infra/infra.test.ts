import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { GATEWAY_PORT, REPOSITORY_ROOT, SUBGRAPHS, type SubgraphEntry } from '@shequ/schema';
import { MIGRATE_COMMAND } from './deployment';
import { existingKubernetesFiles, readReleaseTag, renderInfraFiles, type InfraFile } from './infra-files';
import type { AnyManifest } from './kubernetes-objects';
import { parseYamlDocuments } from './manifest-yaml';

const NEW_DEPARTMENT: SubgraphEntry = {
  name: 'neighbourhood-watch',
  directory: 'services/neighbourhood-watch',
  port: 4099,
  urlVariable: 'NEIGHBOURHOOD_WATCH_URL',
  databaseUrlVariable: 'NEIGHBOURHOOD_WATCH_DATABASE_URL',
  department: true,
};
const RELEASE_TAG = readReleaseTag(REPOSITORY_ROOT);

describe('the committed deployment files', () => {
  const files = renderInfraFiles(SUBGRAPHS, GATEWAY_PORT, RELEASE_TAG);

  it.each(files.map((file) => [file.path, file.text]))('%s is exactly what the subgraph list renders (run `pnpm infra` when this fails)', (path, text) => {
    expect(readFileSync(join(REPOSITORY_ROOT, path), 'utf8')).toBe(text);
  });

  it('has no Kubernetes manifest the generator no longer writes (run `pnpm infra`, which removes them)', () => {
    expect(existingKubernetesFiles(REPOSITORY_ROOT)).toEqual(files.map((file) => file.path).filter((path) => path.startsWith('infra/k8s/')).sort());
  });
});

describe('the Dockerfile', () => {
  const dockerfile = readFileSync(join(REPOSITORY_ROOT, 'infra', 'Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^(?=FROM )/m).slice(1);
  const runtime = stages.at(-1) ?? '';

  it('deploys the one package its SERVICE argument names, production dependencies only', () => {
    expect(stages.map((stage) => /^FROM \S+ AS (\S+)/.exec(stage)?.[1])).toEqual(['workspace', 'deploy', 'service']);
    expect(dockerfile).toMatch(/^RUN pnpm --filter "\$\{SERVICE\}" --prod deploy --legacy \/out$/m);
  });

  it('runs the service as node, in production mode, from what the deploy stage wrote and nothing else', () => {
    expect(runtime).toMatch(/^FROM \$\{NODE_IMAGE\} AS service$/m);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(runtime.match(/^COPY .*$/gm)).toEqual(['COPY --from=deploy /out /app']);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^ENV NODE_ENV=production$/m);
    expect(runtime).toMatch(/^CMD \["node", "dist\/main\.js"\]$/m);
  });
});

interface ComposeService {
  image?: string;
  build?: { args?: Record<string, string>; target?: string };
  command?: string[];
  profiles?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
}

function compose(files: InfraFile[]): { services: Record<string, ComposeService>; volumes: Record<string, unknown> } {
  return parse(files.find((file) => file.path === 'infra/docker-compose.yml')?.text ?? '');
}

describe('the compose file', () => {
  const { services, volumes } = compose(renderInfraFiles(SUBGRAPHS, GATEWAY_PORT, RELEASE_TAG));

  it('keeps PostgreSQL data in a named volume', () => {
    expect(services.postgres.image).toBe('postgres:17');
    expect(services.postgres).toMatchObject({ volumes: ['pgdata:/var/lib/postgresql/data'] });
    expect(Object.keys(volumes)).toEqual(['pgdata']);
  });

  it('seeds only when asked, and only an empty database', () => {
    expect(services.seed.profiles).toEqual(['seed']);
    expect(services.seed.command).toEqual(['node', 'packages/tools/seed/dist/seed.cli.js', '--scale', 'demo', '--if-empty']);
    expect(Object.entries(services).filter(([, service]) => service.profiles === undefined && service.command?.some((word) => word.includes('seed')))).toEqual([]);
  });

  it.each(SUBGRAPHS.map((entry) => [entry.name, entry]))('starts %s from its own image after its migration step, and checks /ready on its port', (_name, entry) => {
    const service = services[entry.name];
    const migrate = services[`${entry.name}-migrate`];
    expect(service.build?.args).toEqual({ SERVICE: `@shequ/${entry.name}`, PORT: String(entry.port) });
    expect(migrate.image).toBe(service.image);
    expect(migrate.command).toEqual(MIGRATE_COMMAND);
    expect(service.depends_on).toEqual({ [`${entry.name}-migrate`]: { condition: 'service_completed_successfully' } });
    expect(service.environment?.MIGRATE_ON_START).toBe('false');
    expect(service.healthcheck?.test.join(' ')).toContain(`fetch('http://127.0.0.1:${entry.port}/ready')`);
    expect(service.ports).toBeUndefined();
  });

  it('starts the gateway, the only service publishing a port, once every subgraph is healthy', () => {
    const gateway = services.gateway;
    expect(gateway.depends_on).toEqual(Object.fromEntries(SUBGRAPHS.map((entry) => [entry.name, { condition: 'service_healthy' }])));
    expect(gateway.ports).toEqual([`${GATEWAY_PORT}:${GATEWAY_PORT}`]);
    expect(Object.entries(services).filter(([, service]) => service.ports !== undefined).map(([name]) => name)).toEqual(['gateway']);
  });
});

describe('a department added to the subgraph list', () => {
  const files = renderInfraFiles([...SUBGRAPHS, NEW_DEPARTMENT], GATEWAY_PORT, RELEASE_TAG);
  const { services } = compose(files);
  const objects = (path: string) => parseYamlDocuments(files.find((file) => file.path === path)?.text ?? '', path) as AnyManifest[];

  it('runs in compose after its migration step, waited for by the gateway, read by statistics', () => {
    expect(services['neighbourhood-watch-migrate'].command).toEqual(MIGRATE_COMMAND);
    expect(services['neighbourhood-watch'].environment?.NEIGHBOURHOOD_WATCH_DATABASE_URL).toBeDefined();
    expect(services.gateway.depends_on?.['neighbourhood-watch']).toEqual({ condition: 'service_healthy' });
    expect(services.gateway.environment?.NEIGHBOURHOOD_WATCH_URL).toBe('http://neighbourhood-watch:4099/graphql');
    expect(services.statistics.environment?.NEIGHBOURHOOD_WATCH_URL).toBe('http://neighbourhood-watch:4099/graphql');
    expect(services.governance.environment?.NEIGHBOURHOOD_WATCH_URL).toBeUndefined();
  });

  it('gets a base file of its own, listed by the base kustomization, and patches in both overlays', () => {
    expect(objects('infra/k8s/base/neighbourhood-watch.yaml').map((object) => `${object.kind}/${object.metadata.name}`)).toEqual([
      'Job/neighbourhood-watch-migrate',
      'Deployment/neighbourhood-watch',
      'Service/neighbourhood-watch',
      'HorizontalPodAutoscaler/neighbourhood-watch',
      'PodDisruptionBudget/neighbourhood-watch',
    ]);
    expect(objects('infra/k8s/base/kustomization.yaml')[0]).toMatchObject({ resources: expect.arrayContaining(['neighbourhood-watch.yaml']) });
    for (const overlay of ['dev', 'prod']) {
      expect(files.map((file) => file.path)).toEqual(
        expect.arrayContaining([`infra/k8s/overlays/${overlay}/patches/neighbourhood-watch-deployment.yaml`, `infra/k8s/overlays/${overlay}/patches/neighbourhood-watch-autoscaler.yaml`]),
      );
    }
  });
});
