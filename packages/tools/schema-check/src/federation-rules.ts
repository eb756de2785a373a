import { CriticalityLevel, type Change, type Rule } from '@graphql-inspector/core';
import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import type { SubgraphSchema } from './subgraph-schema';

/** The fields federation adds to Query in every subgraph. */
const FEDERATION_QUERY_FIELDS = ['Query._entities', 'Query._service'];

/**
 * Leaves out changes to federation's own plumbing: the types and directive
 * definitions `@apollo/subgraph` adds (`_Entity`, `_Any`, `link__Import`,
 * `@federation__tag`…, which change with the federation version and with
 * every entity added), `Query._entities`/`_service`, and the schema's `@link`.
 * No caller queries them; the composer reads them, and the check composes
 * every changed subgraph, so what matters about them is checked there.
 * Directive *usages* on the subgraph's own types and fields (`@key`,
 * `@requires`, `@cost`…) stay: they say how the subgraph serves its fields.
 */
export function leaveOutFederationPlumbing(before: SubgraphSchema | null, after: SubgraphSchema): Rule {
  const types = new Set([...(before?.federationTypes ?? []), ...after.federationTypes]);
  const directives = new Set([...(before?.federationDirectives ?? []), ...after.federationDirectives]);
  return ({ changes }) =>
    changes.filter((change) => {
      const path = change.path ?? '';
      if (path.startsWith('.@link')) {
        return false;
      }
      if (FEDERATION_QUERY_FIELDS.some((field) => path === field || path.startsWith(`${field}.`))) {
        return false;
      }
      const [head] = path.split('.');
      if (head.startsWith('@')) {
        return !directives.has(head.slice(1));
      }
      return !types.has(head);
    });
}

/**
 * An `@external` field is one this subgraph reads from another (the
 * `population` a rate `@requires`), not one it serves: removing it, or its
 * type changing here, breaks no caller. Whether the subgraphs still fit
 * together is the composition step's question.
 */
export const externalFieldsAreNotServed: Rule = ({ changes, oldSchema }) => changes.map((change) => (isExternalFieldChange(change, oldSchema) ? asSafe(change) : change));

function isExternalFieldChange(change: Change, oldSchema: GraphQLSchema | null): boolean {
  if (change.criticality.level !== CriticalityLevel.Breaking || !change.path || !['FIELD_REMOVED', 'FIELD_TYPE_CHANGED'].includes(change.type)) {
    return false;
  }
  const [typeName, fieldName] = change.path.split('.');
  const type = oldSchema?.getType(typeName);
  if (!isObjectType(type) && !isInterfaceType(type)) {
    return false;
  }
  const directives = type.getFields()[fieldName]?.astNode?.directives ?? [];
  return directives.some((directive) => directive.name.value === 'external' || directive.name.value === 'federation__external');
}

function asSafe(change: Change): Change {
  return {
    ...change,
    criticality: { level: CriticalityLevel.NonBreaking, reason: 'The field is @external: another subgraph serves it, this one only reads it.' },
  };
}
