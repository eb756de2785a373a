import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { FieldWeights } from './field-weights';
import { PROVINCE, regionListSize, scopeBelow, scopeOfArguments, spanInYears, UNKNOWN_SPAN_YEARS, weightAt, type ScopeLevel } from './scope';

/** A list field without a page argument or `@listSize` is assumed to hold this many items. */
const ASSUMED_LIST_SIZE = 10;

function usesVariable(value: ValueNode): boolean {
  switch (value.kind) {
    case Kind.VARIABLE:
      return true;
    case Kind.LIST:
      return value.values.some(usesVariable);
    case Kind.OBJECT:
      return value.fields.some((field) => usesVariable(field.value));
    default:
      return false;
  }
}

/** A field whose weight at its scope reaches this is heavy: it may be selected only a few times per operation. */
export const HEAVY_FIELD_WEIGHT = 1_000;

export interface CostModel {
  schema: GraphQLSchema;
  weights: FieldWeights;
  /** A page size the estimate cannot know (a variable that does not coerce) counts as this. */
  maxPageSize: number;
}

export interface CostEstimate {
  cost: number;
  /** The largest `first` the operation asks for, as GraphQL coerces it, to check against the page-size limit. */
  largestPage: number;
  /** The heavy field selected most often, and how often (aliases and fragments included). */
  heaviest: { field: string; selections: number } | null;
  /** The part of the cost that declared weights make up: the subgraphs' work beyond reading rows. */
  weightedCost: number;
}

/**
 * Estimates what an operation costs to answer, with its arguments as GraphQL
 * coerces them (variables, their defaults, the schema's defaults). Every
 * field costs 1, or its declared `@cost` weight scaled to the region and the
 * span it reads (scope.ts); a field with `first` multiplies what lies below
 * it by the page size (a page size that cannot be known, by the maximum), a
 * list of regions by the regions its scope holds, another list by its
 * `@listSize`, else 10. A connection's `edges` list
 * is already counted by the connection's `first`.
 */
export function estimateCost(model: CostModel, document: DocumentNode, operation: OperationDefinitionNode, rawVariables: Record<string, unknown> = {}): CostEstimate {
  const { schema, weights } = model;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const coercion = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  // Variables that do not coerce fail the request before execution; meanwhile every argument that uses one is unknowable.
  const variables = 'coerced' in coercion && coercion.coerced ? coercion.coerced : null;
  let largestPage = 0;
  let weightedCost = 0;
  const heavySelections = new Map<string, number>();

  const argumentsOf = (definition: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> | null => {
    if (!variables && (node.arguments ?? []).some((argument) => usesVariable(argument.value))) {
      return null;
    }
    try {
      return getArgumentValues(definition, node, variables ?? {});
    } catch {
      return null;
    }
  };

  const pageSizeOf = (definition: GraphQLField<unknown, unknown>, args: Record<string, unknown> | null): number | null => {
    if (!definition.args.some((argument) => argument.name === 'first')) {
      return null;
    }
    const first = args?.first;
    return typeof first === 'number' && Number.isFinite(first) ? first : model.maxPageSize;
  };

  /** `times`: how many times the selection set is answered (the product of the lists above it). */
  const costOf = (selectionSet: SelectionSetNode | undefined, parent: GraphQLCompositeType | undefined, scope: ScopeLevel, seen: ReadonlySet<string>, times: number): number => {
    let total = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typed = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined) : parent;
        total += costOf(selection.selectionSet, typed, scope, seen, times);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          const typed = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined;
          total += costOf(fragment.selectionSet, typed, scope, new Set([...seen, fragment.name.value]), times);
        }
        continue;
      }
      const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
      if (!definition) {
        // __typename and the like, or a field validation has already refused.
        total += 1;
        continue;
      }
      const args = argumentsOf(definition, selection);
      const argumentScope = args ? scopeOfArguments(args) : PROVINCE;
      const returnType = getNamedType(definition.type) as GraphQLCompositeType;
      const coordinate = `${parent?.name}.${definition.name}`;
      const declared = weights.get(coordinate);

      let own = 1;
      if (declared?.weight !== undefined) {
        own = weightAt(declared.weight, argumentScope ?? scope, args ? spanInYears(args) : UNKNOWN_SPAN_YEARS);
        weightedCost += own * times;
        if (own >= HEAVY_FIELD_WEIGHT) {
          heavySelections.set(coordinate, (heavySelections.get(coordinate) ?? 0) + 1);
        }
      }
      const pageSize = pageSizeOf(definition, args);
      if (pageSize !== null) {
        largestPage = Math.max(largestPage, pageSize);
      }
      const isList = isListType(getNullableType(definition.type));
      const childScope = scopeBelow(definition.name, returnType?.name, argumentScope, scope);
      const multiplier =
        pageSize !== null
          ? Math.max(pageSize, 1)
          : !isList || selection.name.value === 'edges'
            ? 1
            : returnType?.name === 'Region'
              ? regionListSize(definition.name, args, scope)
              : (declared?.assumedSize ?? ASSUMED_LIST_SIZE);
      total += own + multiplier * costOf(selection.selectionSet, returnType, childScope, seen, times * multiplier);
    }
    return total;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  const cost = costOf(operation.selectionSet, root ?? undefined, PROVINCE, new Set(), 1);
  let heaviest: CostEstimate['heaviest'] = null;
  for (const [field, selections] of heavySelections) {
    if (!heaviest || selections > heaviest.selections) {
      heaviest = { field, selections };
    }
  }
  return { cost, largestPage, heaviest, weightedCost };
}

