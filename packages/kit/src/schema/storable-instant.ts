import { GraphQLError, type GraphQLScalarType, type ValueNode } from 'graphql';

const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

/**
 * The DateTimeISO scalar's own parsing, narrowed to instants PostgreSQL can
 * store: JavaScript also reads year 0 and six-digit years, which would reach
 * the database and fail there as an internal error instead of the caller's.
 */
export function storableInstant(scalar: GraphQLScalarType) {
  const check = (value: unknown) => {
    // UTC years on purpose: the bound is PostgreSQL's storage range for an instant, not a calendar day in China.
    if (value instanceof Date && (value.getUTCFullYear() < FIRST_YEAR || value.getUTCFullYear() > LAST_YEAR)) {
      throw new GraphQLError(`DateTimeISO must lie in the years ${FIRST_YEAR}–${LAST_YEAR}`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  };
  return {
    serialize: (value: unknown) => scalar.serialize(value),
    parseValue: (value: unknown) => check(scalar.parseValue(value)),
    parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) => check(scalar.parseLiteral(ast, variables)),
  };
}
