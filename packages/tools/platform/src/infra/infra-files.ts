import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SubgraphEntry } from '@shequ/schema';
import { renderComposeFile } from './compose-file';
import { baseFiles, baseKustomization } from './kubernetes-base';
import { devOverlay, prodOverlay, type Overlay } from './kubernetes-overlays';
import { KUSTOMIZATION_FILE } from './kustomization';
import { yamlFile } from './manifest-yaml';

/** One deployment file: where it lives, from the repository root, and its text. */
export interface InfraFile {
  path: string;
  text: string;
}

/** Where the Kubernetes manifests live, from the repository root: every YAML file below it is generated. */
export const KUBERNETES_FOLDER = 'infra/k8s';

/** The prod overlay's image tag: the platform's version, from the root package.json. */
export function readReleaseTag(repositoryRoot: string): string {
  const { version } = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof version !== 'string' || version === '') {
    throw new Error('package.json at the repository root has no version: the prod overlay tags its images with it');
  }
  return version;
}

function overlayFiles(overlay: Overlay): InfraFile[] {
  const folder = `${KUBERNETES_FOLDER}/overlays/${overlay.name}`;
  return [
    {
      path: `${folder}/${KUSTOMIZATION_FILE}`,
      text: yamlFile([`The ${overlay.name} overlay: \`kubectl apply -k ${folder}\` (see infra/README.md for the order of a release).`], [overlay.kustomization]),
    },
    ...overlay.files.map((file) => ({ path: `${folder}/${file.path}`, text: yamlFile(file.comments, [file.object]) })),
  ];
}

/**
 * The deployment files that name subgraphs, rendered from the list they are
 * given: the platform's own in `pnpm infra`, a longer one in tests.
 */
export function renderInfraFiles(subgraphs: readonly SubgraphEntry[], gatewayPort: number, releaseTag: string): InfraFile[] {
  const base = baseFiles(subgraphs, gatewayPort);
  return [
    { path: 'infra/docker-compose.yml', text: renderComposeFile(subgraphs, gatewayPort) },
    {
      path: `${KUBERNETES_FOLDER}/base/${KUSTOMIZATION_FILE}`,
      text: yamlFile(['What every environment shares; not deployable alone (an overlay adds how tokens are verified).'], [baseKustomization(base)]),
    },
    ...base.map((file) => ({ path: `${KUBERNETES_FOLDER}/base/${file.name}`, text: yamlFile(file.comments, file.objects) })),
    ...overlayFiles(devOverlay(subgraphs, gatewayPort)),
    ...overlayFiles(prodOverlay(subgraphs, gatewayPort, releaseTag)),
  ];
}

/** Every YAML file below the Kubernetes folder, from the repository root: what `pnpm infra` removes when it no longer generates it. */
export function existingKubernetesFiles(repositoryRoot: string): string[] {
  const folder = join(repositoryRoot, KUBERNETES_FOLDER);
  try {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => relative(repositoryRoot, join(folder, name)).split('\\').join('/'))
      .sort();
  } catch {
    return [];
  }
}
