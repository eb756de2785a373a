import type { SubgraphEntry } from '@shequ/schema';
import { DEPLOYED_SUPERGRAPH_PATH, deployables, GATEWAY_NODE_OPTIONS, internalUrl, MIGRATE_COMMAND, nodeProbeCommand, readsDepartments, type Deployable } from './deployment';
import { yamlFile } from './manifest-yaml';

/** The part of the compose specification this file uses. */
interface ComposeService {
  image: string;
  build: { context: string; dockerfile: string; target?: string; args?: Record<string, string> };
  profiles?: string[];
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: 'service_healthy' | 'service_completed_successfully' }>;
  healthcheck?: { test: string[]; interval: string; timeout: string; retries: number; start_period?: string };
  volumes?: string[];
  /** Long-running services only: a one-off step keeps compose's default, no restart. */
  restart?: 'unless-stopped';
}

interface ComposeFile {
  name: string;
  services: Record<string, ComposeService | PostgresService>;
  volumes: Record<string, Record<string, never>>;
}

type PostgresService = Omit<ComposeService, 'build'>;

/** The one database of the compose platform; every subgraph has its own schema in it. */
const DATABASE_URL = 'postgres://shequ:shequ@postgres:5432/shequ';
const SECRETS = {
  JWT_SECRET: '${JWT_SECRET:?set JWT_SECRET (openssl rand -hex 32)}',
  SUBGRAPH_SIGNING_KEY: '${SUBGRAPH_SIGNING_KEY:?set SUBGRAPH_SIGNING_KEY (openssl rand -hex 32)}',
};

const COMMENTS = [
  'The platform in containers, one image per service, with its own PostgreSQL whose data',
  'lives in the named volume `pgdata` (kept by `down`; `down -v` deletes it). From the',
  'repository root, with the two secrets in the environment:',
  '  export JWT_SECRET=$(openssl rand -hex 32) SUBGRAPH_SIGNING_KEY=$(openssl rand -hex 32)',
  '  docker compose -f infra/docker-compose.yml up --build -d',
  '  docker compose -f infra/docker-compose.yml --profile seed run --rm seed   # demo data, into an empty database only',
  'Each subgraph starts once its `<name>-migrate` step has applied its migrations',
  '(MIGRATE_ON_START=false: it refuses to start with one pending); the gateway, the only',
  'service that publishes a port, once every subgraph answers /ready.',
];

function build(deployable: Deployable): ComposeService['build'] {
  // One Dockerfile for every service: the build argument names the package `pnpm deploy` puts in the image.
  return { context: '..', dockerfile: 'infra/Dockerfile', args: { SERVICE: deployable.packageName, PORT: String(deployable.port) } };
}

function healthcheck(port: number): ComposeService['healthcheck'] {
  return { test: ['CMD', ...nodeProbeCommand(port, '/ready')], interval: '5s', timeout: '3s', retries: 3, start_period: '60s' };
}

function urls(entries: readonly SubgraphEntry[]): Record<string, string> {
  return Object.fromEntries(entries.map((entry) => [entry.urlVariable, internalUrl(entry)]));
}

function migrationService(deployable: Deployable, entry: SubgraphEntry): ComposeService {
  return {
    image: deployable.image,
    build: build(deployable),
    command: MIGRATE_COMMAND,
    // The migration command reads the database URL alone: no secret reaches it.
    environment: { [entry.databaseUrlVariable]: DATABASE_URL },
    depends_on: { postgres: { condition: 'service_healthy' } },
  };
}

function subgraphService(deployable: Deployable, entry: SubgraphEntry, departments: readonly SubgraphEntry[]): ComposeService {
  return {
    image: deployable.image,
    build: build(deployable),
    environment: {
      NODE_ENV: 'production',
      MIGRATE_ON_START: 'false',
      [entry.databaseUrlVariable]: DATABASE_URL,
      ...SECRETS,
      ...(readsDepartments(entry) ? urls(departments) : {}),
    },
    depends_on: { [`${entry.name}-migrate`]: { condition: 'service_completed_successfully' } },
    healthcheck: healthcheck(entry.port),
    restart: 'unless-stopped',
  };
}

function gatewayService(deployable: Deployable, subgraphs: readonly SubgraphEntry[]): ComposeService {
  return {
    image: deployable.image,
    build: build(deployable),
    ports: [`${deployable.port}:${deployable.port}`],
    environment: { NODE_ENV: 'production', NODE_OPTIONS: GATEWAY_NODE_OPTIONS, SUPERGRAPH_PATH: DEPLOYED_SUPERGRAPH_PATH, ...SECRETS, ...urls(subgraphs) },
    depends_on: Object.fromEntries(subgraphs.map((entry) => [entry.name, { condition: 'service_healthy' as const }])),
    healthcheck: healthcheck(deployable.port),
    restart: 'unless-stopped',
  };
}

/**
 * The demo seed, only when asked (`--profile seed`), and only into an empty
 * database (`--if-empty`): run again, it leaves what was written through the
 * graph. It runs from the workspace stage of the Dockerfile, development
 * tooling with every department's seeder, never deployed as a service.
 */
function seedService(subgraphs: readonly SubgraphEntry[]): ComposeService {
  return {
    image: 'shequ/workspace',
    build: { context: '..', dockerfile: 'infra/Dockerfile', target: 'workspace' },
    profiles: ['seed'],
    command: ['node', 'packages/tools/seed/dist/seed.cli.js', '--scale', 'demo', '--if-empty'],
    environment: { DATABASE_URL },
    depends_on: Object.fromEntries(subgraphs.map((entry) => [`${entry.name}-migrate`, { condition: 'service_completed_successfully' as const }])),
  };
}

/** `infra/docker-compose.yml`: PostgreSQL with a named volume, per subgraph a migration step and the subgraph, the gateway, and the seed on request. */
export function renderComposeFile(subgraphs: readonly SubgraphEntry[], gatewayPort: number): string {
  const departments = subgraphs.filter((entry) => entry.department);
  const services: ComposeFile['services'] = {
    postgres: {
      image: 'postgres:17',
      environment: { POSTGRES_USER: 'shequ', POSTGRES_PASSWORD: 'shequ', POSTGRES_DB: 'shequ' },
      healthcheck: { test: ['CMD', 'pg_isready', '-U', 'shequ', '-d', 'shequ'], interval: '2s', timeout: '3s', retries: 15 },
      volumes: ['pgdata:/var/lib/postgresql/data'],
      restart: 'unless-stopped',
    },
  };
  for (const deployable of deployables(subgraphs, gatewayPort)) {
    const entry = deployable.subgraph;
    if (entry) {
      services[`${entry.name}-migrate`] = migrationService(deployable, entry);
      services[entry.name] = subgraphService(deployable, entry, departments);
    } else {
      services[deployable.name] = gatewayService(deployable, subgraphs);
    }
  }
  services.seed = seedService(subgraphs);
  const compose: ComposeFile = { name: 'shequ', services, volumes: { pgdata: {} } };
  return yamlFile(COMMENTS, [compose]);
}
