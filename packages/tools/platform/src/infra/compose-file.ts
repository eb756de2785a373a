import type { SubgraphEntry } from '@shequ/schema';
import { internalUrl, readsDepartments, subgraphCommand } from './deployment';

/** `infra/docker-compose.yml` below its generated header: PostgreSQL, the demo seed, every subgraph in the list and the gateway. */
export function renderComposeFile(subgraphs: readonly SubgraphEntry[], gatewayPort: number): string {
  const departments = subgraphs.filter((entry) => entry.department);
  return [
    '# The platform in containers, with its own PostgreSQL.',
    '# From the repository root:',
    '#   JWT_SECRET=$(openssl rand -hex 32) SUBGRAPH_SIGNING_KEY=$(openssl rand -hex 32) docker compose -f infra/docker-compose.yml up --build',
    '# Only the gateway publishes a port; the subgraphs stay on the internal network.',
    'x-subgraph: &subgraph',
    '  build: { context: .., dockerfile: infra/Dockerfile }',
    '  environment: &subgraph-env',
    '    NODE_ENV: production',
    '    DATABASE_URL: postgres://shequ:shequ@postgres:5432/shequ',
    '    JWT_SECRET: ${JWT_SECRET:?set JWT_SECRET}',
    '    SUBGRAPH_SIGNING_KEY: ${SUBGRAPH_SIGNING_KEY:?set SUBGRAPH_SIGNING_KEY}',
    '  depends_on:',
    '    seed: { condition: service_completed_successfully }',
    '',
    'services:',
    '  postgres:',
    '    image: postgres:17',
    '    environment:',
    '      POSTGRES_USER: shequ',
    '      POSTGRES_PASSWORD: shequ',
    '      POSTGRES_DB: shequ',
    '    healthcheck:',
    '      test: ["CMD", "pg_isready", "-U", "shequ"]',
    '      interval: 2s',
    '    volumes:',
    '      - pgdata:/var/lib/postgresql/data',
    '',
    '  seed:',
    '    build: { context: .., dockerfile: infra/Dockerfile }',
    '    command: ["node", "packages/tools/seed/dist/seed.cli.js", "--scale", "demo"]',
    '    environment:',
    '      DATABASE_URL: postgres://shequ:shequ@postgres:5432/shequ',
    '    depends_on:',
    '      postgres: { condition: service_healthy }',
    '',
    ...subgraphs.flatMap((entry) => [...subgraphService(entry, departments), '']),
    '  gateway:',
    '    build: { context: .., dockerfile: infra/Dockerfile }',
    '    command: ["node", "gateway/dist/main.js"]',
    `    ports: ["${gatewayPort}:${gatewayPort}"]`,
    '    environment:',
    '      NODE_ENV: production',
    '      JWT_SECRET: ${JWT_SECRET:?set JWT_SECRET}',
    '      SUBGRAPH_SIGNING_KEY: ${SUBGRAPH_SIGNING_KEY:?set SUBGRAPH_SIGNING_KEY}',
    ...subgraphs.map(urlVariable),
    `    depends_on: [${subgraphs.map((entry) => entry.name).join(', ')}]`,
    '',
    'volumes:',
    '  pgdata:',
    '',
  ].join('\n');
}

function subgraphService(entry: SubgraphEntry, departments: readonly SubgraphEntry[]): string[] {
  return [
    `  ${entry.name}:`,
    '    <<: *subgraph',
    `    command: ${subgraphCommand(entry)}`,
    ...(readsDepartments(entry) ? ['    environment:', '      <<: *subgraph-env', ...departments.map(urlVariable)] : []),
  ];
}

function urlVariable(entry: SubgraphEntry): string {
  return `      ${entry.urlVariable}: ${internalUrl(entry)}`;
}
