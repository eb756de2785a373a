import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, valueFromASTUntyped, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { assertCommunityCode, assertRegionCode, isCommunityCode, isRegionCode, shown } from '../codes/division-codes';
import { badUserInput, graphqlError } from '../errors/graphql-errors';

const ARGUMENT = 'representations';

/** The top-level field names of every `@key(fields: "…")` of each entity type in a subgraph's SDL. */
export function entityKeyFields(sdl: DocumentNode): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  for (const definition of sdl.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) {
      continue;
    }
    for (const directive of definition.directives ?? []) {
      const fields = directive.name.value === 'key' ? directive.arguments?.find((argument) => argument.name.value === 'fields')?.value : undefined;
      if (fields?.kind === Kind.STRING) {
        const names = keys.get(definition.name.value) ?? new Set<string>();
        // Only top-level names matter here: nested selections ("a { b }") are inside a top-level key field.
        for (const name of fields.value.replace(/\{[^}]*\}/g, ' ').split(/[\s,]+/).filter(Boolean)) {
          names.add(name);
        }
        keys.set(definition.name.value, names);
      }
    }
  }
  return keys;
}

/** A representation's `code`, well-formed for its type, or BAD_USER_INPUT naming `representations`. */
function assertRepresentationCode(typeName: string, code: unknown): void {
  if (typeof code !== 'string') {
    throw badUserInput(ARGUMENT, `a ${typeName} representation needs its key "code" as a string`);
  }
  if (typeName === 'Community') {
    assertCommunityCode(code, ARGUMENT);
  } else if (typeName === 'Region') {
    assertRegionCode(code, ARGUMENT);
  } else if (!isRegionCode(code) && !isCommunityCode(code)) {
    throw badUserInput(ARGUMENT, `${shown(code)} is not a division code: expected 6, 9 or 12 digits`);
  }
}

/** Resolves an entity from its key fields, for the gateway's `_entities` calls. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReferenceResolver<Context> = (reference: any, context: Context) => unknown;

/**
 * `__resolveReference` for an entity type, with its division code checked
 * first: an empty or partial code would otherwise become a prefix that rolls
 * up far more than any region (`""` is the whole database). Types without a
 * resolver of their own get the federation default, the representation.
 */
export function guardedReference<Context>(typeName: string, keyFields: ReadonlySet<string>, resolve: ReferenceResolver<Context> = (reference) => reference): ReferenceResolver<Context> {
  if (!keyFields.has('code')) {
    return resolve;
  }
  return (reference: { code?: unknown }, context: Context) => {
    assertRepresentationCode(typeName, reference?.code);
    return resolve(reference, context);
  };
}

/** The root `_entities` fields of an operation, through fragments. */
function entitiesFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): ValueNode[] {
  const found: ValueNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const argument = selection.name.value === '_entities' ? selection.arguments?.find((item) => item.name.value === ARGUMENT) : undefined;
      if (argument) {
        found.push(argument.value);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      found.push(...entitiesFields(selection.selectionSet, fragments, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      found.push(...(fragment ? entitiesFields(fragment.selectionSet, fragments, seen) : []));
    }
  }
  return found;
}

/**
 * Refuses, before anything resolves, `_entities` representations that carry
 * more than their type's key unless the gateway signed the request. Those
 * other fields are figures another subgraph resolved for a `@requires` (a
 * community's population): taken from anyone, `population: 1` would make
 * any rate per resident whatever the caller wants.
 */
export function representationsFromGatewayOnly(keyFields: Map<string, Set<string>>): ApolloServerPlugin<{ signedByGateway: boolean }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, request }) {
          if (contextValue.signedByGateway || !operation) {
            return;
          }
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of (document as DocumentNode).definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) {
              fragments.set(definition.name.value, definition);
            }
          }
          for (const value of entitiesFields(operation.selectionSet, fragments)) {
            const given: unknown = valueFromASTUntyped(value, request.variables ?? {});
            for (const representation of Array.isArray(given) ? given : [given]) {
              if (!representation || typeof representation !== 'object') {
                continue;
              }
              const { __typename: typeName, ...fields } = representation as Record<string, unknown>;
              const key = keyFields.get(String(typeName)) ?? new Set<string>();
              const extra = Object.keys(fields).filter((name) => !key.has(name));
              if (extra.length > 0) {
                throw graphqlError(
                  'FORBIDDEN',
                  `${ARGUMENT}: fields other than the key (${extra.slice(0, 5).join(', ')}) are accepted only in requests signed by the gateway; send the key fields alone`,
                  { argument: ARGUMENT, http: { status: 403 } },
                );
              }
            }
          }
        },
      };
    },
  };
}
