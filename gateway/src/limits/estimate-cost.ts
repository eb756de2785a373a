import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** A list field without `first` is assumed to hold this many items. */
const ASSUMED_LIST_SIZE = 10;

export interface CostEstimate {
  cost: number;
  /** The largest `first` the operation asks for, to check against the page-size limit. */
  largestPage: number;
}

/**
 * Estimates what an operation costs to answer: every field costs 1, and a
 * field with `first: n` multiplies what lies below it by n (a list without
 * `first` by 10). A connection's `edges` list is already counted by the
 * connection's `first`. Variables are taken at their values.
 */
export function estimateCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): CostEstimate {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  let largestPage = 0;

  const firstOf = (field: FieldNode): number | null => {
    const argument = field.arguments?.find((candidate) => candidate.name.value === 'first');
    if (!argument) {
      return null;
    }
    const value = Number(valueFromASTUntyped(argument.value, variables));
    return Number.isFinite(value) ? value : null;
  };

  const costOf = (selectionSet: SelectionSetNode | undefined, parent: GraphQLCompositeType | undefined, seen: Set<string>): number => {
    let total = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typed = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined) : parent;
        total += costOf(selection.selectionSet, typed, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          const typed = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined;
          total += costOf(fragment.selectionSet, typed, new Set([...seen, fragment.name.value]));
        }
        continue;
      }
      const fieldDefinition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
      const returnType = fieldDefinition?.type;
      const childType = returnType ? (getNamedType(returnType) as GraphQLCompositeType) : undefined;
      const first = firstOf(selection);
      if (first !== null) {
        largestPage = Math.max(largestPage, first);
      }
      const isList = returnType ? isListType(getNullableType(returnType)) : false;
      const multiplier = first !== null ? Math.max(first, 1) : isList && selection.name.value !== 'edges' ? ASSUMED_LIST_SIZE : 1;
      total += 1 + multiplier * costOf(selection.selectionSet, childType, seen);
    }
    return total;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  return { cost: costOf(operation.selectionSet, root ?? undefined, new Set()), largestPage };
}
