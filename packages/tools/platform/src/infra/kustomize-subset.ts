import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AnyManifest } from './kubernetes-objects';
import { KUSTOMIZATION_FILE } from './kustomization';
import { parseYamlDocuments } from './manifest-yaml';

/**
 * What the overlay builder refuses, by code: a field of kustomization.yaml it
 * does not implement, a resource or patch file that is not there, a patch
 * that finds no object (or a patch directive it does not implement), two
 * objects of one kind and name.
 */
export type KustomizeSubsetErrorCode = 'UNSUPPORTED_FIELD' | 'MISSING_FILE' | 'NO_PATCH_TARGET' | 'UNSUPPORTED_PATCH' | 'DUPLICATE_OBJECT' | 'NOT_AN_OBJECT';

export class KustomizeSubsetError extends Error {
  override name = 'KustomizeSubsetError';
  constructor(
    readonly code: KustomizeSubsetErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

const SUPPORTED_FIELDS = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'images', 'patches']);

/**
 * Lists that a strategic-merge patch merges item by item, matched by `name`
 * (Kubernetes' patch merge key for each of them); every other list in a
 * patch replaces the target's, as Kustomize does for lists without a merge
 * key (and this subset does for the few with another key, such as ports).
 */
const MERGED_BY_NAME = new Set(['containers', 'initContainers', 'env', 'volumes']);

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function identity(object: AnyManifest): string {
  return `${object.kind}/${object.metadata.name}`;
}

function asManifest(value: unknown, source: string): AnyManifest {
  if (!isPlain(value) || typeof value.kind !== 'string' || typeof value.apiVersion !== 'string' || !isPlain(value.metadata) || typeof value.metadata.name !== 'string') {
    throw new KustomizeSubsetError('NOT_AN_OBJECT', `${source}: every document needs apiVersion, kind and metadata.name`);
  }
  return value as AnyManifest;
}

/**
 * A strategic merge of `patch` into `target`, as far as this subset goes:
 * objects merge key by key (null deletes the key), lists named in
 * MERGED_BY_NAME merge by `name` (an unknown name is appended), any other
 * value replaces. `$patch` and the other directives are refused.
 */
export function strategicMerge(target: unknown, patch: unknown, key = ''): unknown {
  if (isPlain(patch)) {
    const directive = Object.keys(patch).find((field) => field.startsWith('$'));
    if (directive) {
      throw new KustomizeSubsetError('UNSUPPORTED_PATCH', `the directive ${directive} (at ${key || 'the top'}) is not implemented`);
    }
    const merged: Plain = isPlain(target) ? { ...target } : {};
    for (const [field, value] of Object.entries(patch)) {
      if (value === null) {
        delete merged[field];
      } else {
        merged[field] = strategicMerge(merged[field], value, field);
      }
    }
    return merged;
  }
  if (Array.isArray(patch) && MERGED_BY_NAME.has(key) && Array.isArray(target)) {
    const merged = [...target];
    for (const item of patch) {
      if (!isPlain(item) || typeof item.name !== 'string') {
        throw new KustomizeSubsetError('UNSUPPORTED_PATCH', `every item of ${key} in a patch needs a name, its merge key`);
      }
      const index = merged.findIndex((existing) => isPlain(existing) && existing.name === item.name);
      if (index === -1) {
        merged.push(item);
      } else {
        merged[index] = strategicMerge(merged[index], item, key);
      }
    }
    return merged;
  }
  return patch;
}

/** `name:tag` or `registry:port/name:tag` without its tag (or digest). */
function imageName(image: string): string {
  const withoutDigest = image.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
}

/** The containers of every pod template an object holds (a Deployment's or a Job's). */
function podContainers(object: AnyManifest): Plain[] {
  const template = isPlain(object.spec) && isPlain(object.spec.template) ? object.spec.template : null;
  const pod = template && isPlain(template.spec) ? template.spec : null;
  if (!pod) {
    return [];
  }
  return ['containers', 'initContainers'].flatMap((field) => (Array.isArray(pod[field]) ? (pod[field] as unknown[]).filter(isPlain) : []));
}

function readKustomization(folder: string): Plain {
  const path = join(folder, KUSTOMIZATION_FILE);
  if (!existsSync(path)) {
    throw new KustomizeSubsetError('MISSING_FILE', `${path} does not exist`);
  }
  const [document] = parseYamlDocuments(readFileSync(path, 'utf8'), path);
  if (!isPlain(document)) {
    throw new KustomizeSubsetError('NOT_AN_OBJECT', `${path} is not a kustomization`);
  }
  const unsupported = Object.keys(document).filter((field) => !SUPPORTED_FIELDS.has(field));
  if (unsupported.length > 0) {
    throw new KustomizeSubsetError('UNSUPPORTED_FIELD', `${path}: ${unsupported.join(', ')} (this builder implements ${[...SUPPORTED_FIELDS].join(', ')})`);
  }
  return document;
}

function stringList(value: unknown, field: string, path: string): string[] {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new KustomizeSubsetError('UNSUPPORTED_FIELD', `${path}: ${field} must be a list of paths`);
  }
  return value;
}

/**
 * The objects `kustomize build <folder>` would print for the features this
 * project's kustomizations use — resources (files and folders), patches
 * (strategic merge, one object per file, found by kind and name), images
 * (newName, newTag) and namespace — applied in Kustomize's order: a
 * folder's resources are built first, then its patches, images and
 * namespace. Anything else is refused with a coded error rather than
 * ignored, so a kustomization that grows past the subset fails the tests.
 * It is not Kustomize: `kustomize build` remains the reference.
 */
export function buildKustomization(folder: string, root: string = folder): AnyManifest[] {
  const path = relative(root, join(folder, KUSTOMIZATION_FILE)) || KUSTOMIZATION_FILE;
  const kustomization = readKustomization(folder);
  const objects: AnyManifest[] = [];
  for (const resource of stringList(kustomization.resources, 'resources', path)) {
    const resourcePath = join(folder, resource);
    if (!existsSync(resourcePath)) {
      throw new KustomizeSubsetError('MISSING_FILE', `${path} lists ${resource}, which does not exist`);
    }
    const loaded = statSync(resourcePath).isDirectory()
      ? buildKustomization(resourcePath, root)
      : parseYamlDocuments(readFileSync(resourcePath, 'utf8'), resourcePath).map((document) => asManifest(document, resourcePath));
    for (const object of loaded) {
      if (objects.some((existing) => identity(existing) === identity(object))) {
        throw new KustomizeSubsetError('DUPLICATE_OBJECT', `${identity(object)} appears twice (in ${resource})`);
      }
      objects.push(object);
    }
  }
  const patches = kustomization.patches ?? [];
  if (!Array.isArray(patches) || !patches.every((patch) => isPlain(patch) && typeof patch.path === 'string' && Object.keys(patch).length === 1)) {
    throw new KustomizeSubsetError('UNSUPPORTED_FIELD', `${path}: each patch must be { path } alone (no target, no inline patch)`);
  }
  for (const { path: patchFile } of patches as Array<{ path: string }>) {
    const patchPath = join(folder, patchFile);
    if (!existsSync(patchPath)) {
      throw new KustomizeSubsetError('MISSING_FILE', `${path} patches with ${patchFile}, which does not exist`);
    }
    const documents = parseYamlDocuments(readFileSync(patchPath, 'utf8'), patchPath);
    if (documents.length !== 1) {
      throw new KustomizeSubsetError('UNSUPPORTED_PATCH', `${patchFile} holds ${documents.length} documents; this builder takes one object per patch file`);
    }
    const patch = asManifest(documents[0], patchPath);
    const index = objects.findIndex((object) => identity(object) === identity(patch) && object.apiVersion === patch.apiVersion);
    if (index === -1) {
      throw new KustomizeSubsetError('NO_PATCH_TARGET', `${patchFile} patches ${patch.apiVersion} ${identity(patch)}, which no resource defines`);
    }
    objects[index] = strategicMerge(objects[index], patch) as AnyManifest;
  }
  const images = kustomization.images ?? [];
  if (!Array.isArray(images) || !images.every((image) => isPlain(image) && typeof image.name === 'string')) {
    throw new KustomizeSubsetError('UNSUPPORTED_FIELD', `${path}: each image needs a name`);
  }
  for (const image of images as Array<{ name: string; newName?: string; newTag?: string }>) {
    for (const container of objects.flatMap(podContainers)) {
      if (typeof container.image === 'string' && imageName(container.image) === image.name) {
        const tag = image.newTag ?? container.image.slice(imageName(container.image).length + 1);
        container.image = `${image.newName ?? image.name}${tag ? `:${tag}` : ''}`;
      }
    }
  }
  if (kustomization.namespace !== undefined) {
    if (typeof kustomization.namespace !== 'string') {
      throw new KustomizeSubsetError('UNSUPPORTED_FIELD', `${path}: namespace must be a name`);
    }
    for (const object of objects) {
      object.metadata = { ...object.metadata, namespace: kustomization.namespace };
    }
  }
  return objects;
}
