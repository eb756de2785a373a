import { BAD_INTS, corpusAdmin as admin, FAR_INSTANTS, type HostileRequest, INJECTIONS, MALFORMED_INSTANTS, type Operation, vary } from '@shequ/kit/testing';

/** Each subgraph's audit-log query, asked by an admin (the one role that may read them) with every filter spoiled. */
export function auditLogInputs(fields: readonly string[]): HostileRequest[] {
  return fields.flatMap((field) => {
    const auditLog: Operation = {
      name: field,
      document: `query ($f: AuditLogFilter, $n: Int!, $a: String) { ${field}(filter: $f, first: $n, after: $a) { totalCount } }`,
      variables: { f: { operation: 'read:SupervisedPerson', actorSub: 'x', from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, n: 10, a: null },
      token: admin,
    };
    return [
      // Exact-match filters: any text may be looked for, and simply matches nothing.
      ...vary(auditLog, 'f.operation', INJECTIONS, null),
      ...vary(auditLog, 'f.actorSub', INJECTIONS, null),
      ...vary(auditLog, 'f.from', MALFORMED_INSTANTS),
      ...vary(auditLog, 'f.to', MALFORMED_INSTANTS),
      ...vary(auditLog, 'f.from', FAR_INSTANTS, null),
      ...vary(auditLog, 'f.to', FAR_INSTANTS, null),
      ...vary(auditLog, 'n', [...BAD_INTS, 101]),
      ...vary(auditLog, 'a', INJECTIONS),
    ];
  });
}
