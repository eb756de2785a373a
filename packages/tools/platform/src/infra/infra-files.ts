import type { SubgraphEntry } from '@shequ/schema';
import { renderComposeFile } from './compose-file';
import { GENERATED_HEADER } from './deployment';
import { renderKubernetesManifests } from './kubernetes-manifests';

/** One deployment file: where it lives, from the repository root, and its text. */
export interface InfraFile {
  path: string;
  text: string;
}

/**
 * The deployment files that name subgraphs, rendered from the list they are
 * given: the platform's own in `pnpm infra`, a longer one in tests.
 */
export function renderInfraFiles(subgraphs: readonly SubgraphEntry[], gatewayPort: number): InfraFile[] {
  return [
    { path: 'infra/docker-compose.yml', text: `${GENERATED_HEADER}\n${renderComposeFile(subgraphs, gatewayPort)}` },
    { path: 'infra/k8s/shequ.yaml', text: `${GENERATED_HEADER}\n${renderKubernetesManifests(subgraphs, gatewayPort)}` },
  ];
}
