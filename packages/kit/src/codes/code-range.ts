/**
 * SQL condition "the code in `column` starts with the prefix in
 * `prefixExpression`", written as a range so that a plain btree index on a
 * `COLLATE "C"` code column serves it even when the prefix is a join column
 * or a parameter (LIKE can use the index only for constant patterns).
 * Codes are digits, and ':' sorts right after '9'.
 */
export function codeWithinPrefix(column: string, prefixExpression: string): string {
  return `(${column} >= ${prefixExpression} AND ${column} < ${prefixExpression} || ':')`;
}
