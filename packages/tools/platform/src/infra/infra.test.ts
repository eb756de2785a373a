import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_PORT, REPOSITORY_ROOT, SUBGRAPHS, type SubgraphEntry } from '@shequ/schema';
import { renderInfraFiles } from './infra-files';

const NEW_DEPARTMENT: SubgraphEntry = {
  name: 'neighbourhood-watch',
  directory: 'services/neighbourhood-watch',
  port: 4099,
  urlVariable: 'NEIGHBOURHOOD_WATCH_URL',
  databaseUrlVariable: 'NEIGHBOURHOOD_WATCH_DATABASE_URL',
  department: true,
};
const NEW_DEPARTMENT_URL = 'NEIGHBOURHOOD_WATCH_URL: http://neighbourhood-watch:4099/graphql';

describe('the committed deployment files', () => {
  it.each(renderInfraFiles(SUBGRAPHS, GATEWAY_PORT).map((file) => [file.path, file.text]))(
    '%s is exactly what the subgraph list renders (run `pnpm infra` when this fails)',
    (path, text) => {
      expect(readFileSync(join(REPOSITORY_ROOT, path), 'utf8')).toBe(text);
    },
  );

  // The image's default command is the gateway; each subgraph's port is declared where it runs, from the list.
  it("exposes the gateway's port in the image, and no subgraph's", () => {
    const exposed = readFileSync(join(REPOSITORY_ROOT, 'infra', 'Dockerfile'), 'utf8').match(/^EXPOSE .*$/gm);
    expect(exposed).toEqual([`EXPOSE ${GATEWAY_PORT}`]);
  });
});

describe('a department added to the subgraph list', () => {
  const [compose, kubernetes] = renderInfraFiles([...SUBGRAPHS, NEW_DEPARTMENT], GATEWAY_PORT).map((file) => file.text);

  it('runs as a compose service that the gateway waits for and reads the URL of', () => {
    expect(composeService(compose, 'neighbourhood-watch')).toEqual(['<<: *subgraph', 'command: ["node", "services/neighbourhood-watch/dist/main.js"]']);
    const gateway = composeService(compose, 'gateway');
    expect(gateway).toContain(NEW_DEPARTMENT_URL);
    expect(gateway.find((line) => line.startsWith('depends_on:'))).toBe(`depends_on: [${[...SUBGRAPHS, NEW_DEPARTMENT].map((entry) => entry.name).join(', ')}]`);
  });

  it("is among statistics' department URLs in the compose file", () => {
    expect(composeService(compose, 'statistics')).toContain(NEW_DEPARTMENT_URL);
  });

  it('runs as a Kubernetes Deployment and Service, private to the gateway like every subgraph', () => {
    const deployment = manifest(kubernetes, 'Deployment', 'neighbourhood-watch');
    expect(deployment).toContain('metadata: { name: neighbourhood-watch, labels: { app: neighbourhood-watch, tier: subgraph } }');
    expect(deployment).toContain('command: ["node", "services/neighbourhood-watch/dist/main.js"]');
    expect(deployment).toContain('ports: [{ containerPort: 4099 }]');
    expect(deployment).toContain('readinessProbe: { httpGet: { path: /ready, port: 4099 }, periodSeconds: 5 }');
    expect(manifest(kubernetes, 'Service', 'neighbourhood-watch')).toContain('ports: [{ port: 4099, targetPort: 4099 }]');
  });

  it("is in the gateway's URL variables and statistics' department URLs in the manifests", () => {
    const url = '- { name: NEIGHBOURHOOD_WATCH_URL, value: http://neighbourhood-watch:4099/graphql }';
    expect(manifest(kubernetes, 'Deployment', 'gateway')).toContain(url);
    expect(manifest(kubernetes, 'Deployment', 'statistics')).toContain(url);
    expect(manifest(kubernetes, 'Deployment', 'governance')).not.toContain(url);
  });
});

/** A compose service's lines, trimmed: from its name under `services:` to the next service or top-level key. */
function composeService(compose: string, name: string): string[] {
  const lines = compose.split('\n');
  const start = lines.indexOf(`  ${name}:`);
  expect(start).toBeGreaterThan(lines.indexOf('services:'));
  const end = lines.findIndex((line, index) => index > start && /^ {0,2}\S/.test(line));
  return lines
    .slice(start + 1, end)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** One document of the manifests, trimmed lines, found by its kind and name. */
function manifest(manifests: string, kind: string, name: string): string[] {
  const found = manifests
    .split('\n---\n')
    .map((document) => document.split('\n').map((line) => line.trim()))
    .filter((document) => document.includes(`kind: ${kind}`) && document.some((line) => line.startsWith(`metadata: { name: ${name},`) || line === `metadata: { name: ${name} }`));
  expect(found).toHaveLength(1);
  return found[0];
}
