import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

/** A field, argument, input field or enum value that gained `@deprecated(reason)`. */
export interface Deprecation {
  /** `Type.field`, `Type.field.argument`, `Input.field` or `Enum.VALUE`. */
  path: string;
  reason: string;
}

/**
 * What the newer schema deprecates that the older one offered undeprecated.
 * Read from the schemas themselves rather than from graphql-inspector's
 * change types, which name a deprecated field, enum value and argument each
 * their own way; something added already deprecated is not a deprecation.
 */
export function deprecationsBetween(before: GraphQLSchema, after: GraphQLSchema): Deprecation[] {
  const found: Deprecation[] = [];
  const note = (path: string, was: { deprecationReason?: string | null } | undefined, now: { deprecationReason?: string | null }) => {
    if (was && was.deprecationReason == null && now.deprecationReason != null) {
      found.push({ path, reason: now.deprecationReason });
    }
  };
  for (const [name, type] of Object.entries(after.getTypeMap())) {
    const previous = before.getType(name);
    if (name.startsWith('__') || !previous) {
      continue;
    }
    if ((isObjectType(type) || isInterfaceType(type)) && (isObjectType(previous) || isInterfaceType(previous))) {
      const previousFields = previous.getFields();
      for (const field of Object.values(type.getFields())) {
        const previousField = previousFields[field.name];
        note(`${name}.${field.name}`, previousField, field);
        for (const argument of field.args) {
          note(`${name}.${field.name}.${argument.name}`, previousField?.args.find((candidate) => candidate.name === argument.name), argument);
        }
      }
    } else if (isInputObjectType(type) && isInputObjectType(previous)) {
      const previousFields = previous.getFields();
      for (const field of Object.values(type.getFields())) {
        note(`${name}.${field.name}`, previousFields[field.name], field);
      }
    } else if (isEnumType(type) && isEnumType(previous)) {
      for (const value of type.getValues()) {
        note(`${name}.${value.name}`, previous.getValue(value.name) ?? undefined, value);
      }
    }
  }
  return found.sort((left, right) => left.path.localeCompare(right.path));
}
