import { CriticalityLevel, diff, DiffRule, type Change } from '@graphql-inspector/core';
import { deprecationsBetween, type Deprecation } from './deprecations';
import { externalFieldsAreNotServed, leaveOutFederationPlumbing } from './federation-rules';
import type { SubgraphSchema } from './subgraph-schema';

/** One change graphql-inspector found, as the check reports it. */
export interface SchemaChange {
  level: 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';
  /** graphql-inspector's change type (`FIELD_REMOVED`, `ENUM_VALUE_ADDED`, …). */
  type: string;
  /** What changed (`Community.volunteerStats`, `Kind.C`); null for the few changes that have no place, such as a root type swapped. */
  path: string | null;
  message: string;
  /** graphql-inspector's explanation of why the change is dangerous or breaking, when it gives one. */
  why: string | null;
}

/** The changes from a released schema to the working one, by how far they reach. */
export interface SchemaChanges {
  breaking: SchemaChange[];
  dangerous: SchemaChange[];
  /** Safe changes, deprecations left out (they are listed on their own). */
  safe: SchemaChange[];
  deprecations: Deprecation[];
}

export function hasChanges(changes: SchemaChanges): boolean {
  return changes.breaking.length + changes.dangerous.length + changes.safe.length + changes.deprecations.length > 0;
}

/**
 * Diffs two builds of one subgraph with graphql-inspector. Its own
 * `simplifyChanges` rule folds the parts of an addition into it (a new type,
 * not each of its fields); the federation rules leave out federation's
 * plumbing and let an `@external` field go without calling it breaking.
 */
export async function schemaChangesBetween(before: SubgraphSchema, after: SubgraphSchema): Promise<SchemaChanges> {
  const found = await diff(before.schema, after.schema, [DiffRule.simplifyChanges, leaveOutFederationPlumbing(before, after), externalFieldsAreNotServed]);
  const changes = found.map(toSchemaChange).sort(byPath);
  const deprecations = deprecationsBetween(before.schema, after.schema);
  // graphql-inspector reports a deprecation as a safe change at `<path>.@deprecated` (and its reason below it).
  const isDeprecation = (change: SchemaChange) => deprecations.some((deprecation) => change.path?.startsWith(`${deprecation.path}.@deprecated`));
  return {
    breaking: changes.filter((change) => change.level === 'BREAKING'),
    dangerous: changes.filter((change) => change.level === 'DANGEROUS'),
    safe: changes.filter((change) => change.level === 'NON_BREAKING' && !isDeprecation(change)),
    deprecations,
  };
}

function toSchemaChange(change: Change): SchemaChange {
  const level = change.criticality.level === CriticalityLevel.Breaking ? 'BREAKING' : change.criticality.level === CriticalityLevel.Dangerous ? 'DANGEROUS' : 'NON_BREAKING';
  return { level, type: String(change.type), path: change.path ?? null, message: change.message, why: change.criticality.reason ?? null };
}

function byPath(left: SchemaChange, right: SchemaChange): number {
  return (left.path ?? '').localeCompare(right.path ?? '') || left.message.localeCompare(right.message);
}
