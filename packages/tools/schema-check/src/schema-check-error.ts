/**
 * What `pnpm check` and `pnpm release` refuse, by code, so that a person in a
 * CI log (and a test) can tell a bad acknowledgement file from an unknown
 * subgraph name at a glance.
 */
export type SchemaCheckErrorCode =
  /** `pnpm release` without a subgraph, or with more than one. */
  | 'USAGE'
  /** A name that is not in the subgraph list. */
  | 'UNKNOWN_SUBGRAPH'
  /** A subgraph's working schema.graphql is missing (run `pnpm compose`). */
  | 'MISSING_SCHEMA'
  /** A schema file that does not parse, or that federation does not accept. */
  | 'INVALID_SCHEMA'
  /** An acknowledgements file that is not a list of { change, reason }. */
  | 'INVALID_ACKNOWLEDGEMENTS'
  /** `pnpm release` of a subgraph whose check fails. */
  | 'CHECK_FAILED';

export class SchemaCheckError extends Error {
  override name = 'SchemaCheckError';

  constructor(
    readonly code: SchemaCheckErrorCode,
    message: string,
  ) {
    super(message);
  }
}
