import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The names the graph gives an argument or input field holding a division
 * code (or a list of them). A name counts only with a String type, so an
 * enum or a number of the same name is never taken for a code.
 */
export const CODE_FIELD_NAMES: ReadonlySet<string> = new Set(['code', 'regionCode', 'communityCode', 'parentCode', 'regionCodes', 'communityCodes', 'within']);

const holdsCodes = (name: string, type: GraphQLInputType) => CODE_FIELD_NAMES.has(name) && getNamedType(type).name === 'String';

/** Every argument (`Query.region(code)`) and input field (`DraftPlanInput.regionCode`) of the schema that holds division codes, sorted. */
export function codeCoordinates(schema: GraphQLSchema): string[] {
  const coordinates: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) {
      continue;
    }
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const argument of field.args) {
          if (holdsCodes(argument.name, argument.type)) {
            coordinates.push(`${type.name}.${field.name}(${argument.name})`);
          }
        }
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (holdsCodes(field.name, field.type)) {
          coordinates.push(`${type.name}.${field.name}`);
        }
      }
    }
  }
  return coordinates.sort();
}

/** One code a request names, and the argument that names it (`code`, `input.communityCode`). */
export interface NamedCode {
  code: string;
  argument: string;
}

/** The codes in one coerced value of `type`, found through input objects and lists. */
function codesInValue(value: unknown, type: GraphQLInputType, path: string, name: string, found: NamedCode[]): void {
  if (value === null || value === undefined) {
    return;
  }
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) {
      for (const item of value) {
        codesInValue(item, nullable.ofType, path, name, found);
      }
    }
    return;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      codesInValue((value as Record<string, unknown>)[field.name], field.type, `${path}.${field.name}`, field.name, found);
    }
    return;
  }
  if (typeof value === 'string' && holdsCodes(name, type)) {
    found.push({ code: value, argument: path });
  }
}

/**
 * Every division code the operation names, in arguments and input fields
 * anywhere in its selections (fragments included), with its arguments as
 * GraphQL coerces them: variables, the defaults of variables the request
 * leaves out, the schema's defaults. Null when the variables do not coerce:
 * execution refuses those with its own error.
 */
export function codesOfOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, rawVariables: Record<string, unknown>): NamedCode[] | null {
  const coercion = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (!('coerced' in coercion) || !coercion.coerced) {
    return null;
  }
  const variables = coercion.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const found: NamedCode[] = [];
  const visit = (selectionSet: SelectionSetNode | undefined, parent: GraphQLCompositeType | undefined, seen: ReadonlySet<string>): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined) : parent, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          visit(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined, new Set([...seen, fragment.name.value]));
        }
        continue;
      }
      const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
      if (!definition) {
        continue;
      }
      let args: Record<string, unknown>;
      try {
        args = getArgumentValues(definition, selection, variables);
      } catch {
        // An argument execution will refuse anyway.
        continue;
      }
      for (const argument of definition.args) {
        codesInValue(args[argument.name], argument.type, argument.name, argument.name, found);
      }
      visit(selection.selectionSet, getNamedType(definition.type) as GraphQLCompositeType, seen);
    }
  };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  visit(operation.selectionSet, root ?? undefined, new Set());
  return found;
}
