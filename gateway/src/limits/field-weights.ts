import { Kind, parse, valueFromASTUntyped, type ConstDirectiveNode } from 'graphql';

/** What a field declares about the work behind it, read from the supergraph's `@cost` and `@listSize`. */
export interface FieldWeight {
  /** `@cost(weight:)`: the field's own cost at the province's scope over 12 months (see scope.ts). */
  weight?: number;
  /** `@listSize(assumedSize:)`: how many items a list without a page argument holds at most. */
  assumedSize?: number;
}

/** Field coordinates (`Type.field`) → their declared weight. */
export type FieldWeights = ReadonlyMap<string, FieldWeight>;

function argumentOf(directive: ConstDirectiveNode, name: string): unknown {
  const argument = directive.arguments?.find((candidate) => candidate.name.value === name);
  return argument ? valueFromASTUntyped(argument.value) : undefined;
}

/**
 * The gateway serves the API schema, which drops the supergraph's cost
 * directives; this reads them from the supergraph itself, once at start.
 */
export function readFieldWeights(supergraphSdl: string): FieldWeights {
  const weights = new Map<string, FieldWeight>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) {
      continue;
    }
    for (const field of definition.fields ?? []) {
      const declared: FieldWeight = {};
      for (const directive of field.directives ?? []) {
        if (directive.name.value === 'cost') {
          declared.weight = Number(argumentOf(directive, 'weight'));
        } else if (directive.name.value === 'listSize' && argumentOf(directive, 'assumedSize') !== undefined) {
          declared.assumedSize = Number(argumentOf(directive, 'assumedSize'));
        }
      }
      if (declared.weight !== undefined || declared.assumedSize !== undefined) {
        weights.set(`${definition.name.value}.${field.name.value}`, declared);
      }
    }
  }
  return weights;
}
