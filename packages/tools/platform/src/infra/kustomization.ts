/**
 * The part of Kustomize's `kustomization.yaml` that `pnpm infra` writes, and
 * all that the overlay builder of the tests understands (kubernetes-types
 * has no type for it: it is Kustomize's, not the API server's).
 */
export interface Kustomization {
  apiVersion: 'kustomize.config.k8s.io/v1beta1';
  kind: 'Kustomization';
  /** Sets `metadata.namespace` on every object. */
  namespace?: string;
  /** Files of objects, or folders holding a kustomization.yaml, relative to this one. */
  resources: string[];
  /** Sets the tag (and optionally the name) of every container image named `name`. */
  images?: Array<{ name: string; newName?: string; newTag?: string }>;
  /** Strategic-merge patches, one object per file, found by its kind and name. */
  patches?: Array<{ path: string }>;
}

export const KUSTOMIZATION_FILE = 'kustomization.yaml';

export function kustomization(fields: Omit<Kustomization, 'apiVersion' | 'kind'>): Kustomization {
  return { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', ...fields };
}
