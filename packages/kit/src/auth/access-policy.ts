import { forbidden, notFound, unauthenticated } from '../errors/graphql-errors';
import { coversCode } from './jurisdiction';
import type { Department, Role, Viewer } from './viewer';

/** Who may perform one operation (a mutation, or reading a protected field). */
export interface AccessRule {
  /** Roles allowed; `admin` is always allowed. */
  roles: readonly Role[];
  /** When set, `department_staff` counts only with this department. */
  department?: Department;
  /** The target's division code must lie within the viewer's jurisdiction (default true). */
  withinJurisdiction?: boolean;
  /** false: admins need one of the roles too (restricted records admins audit but do not read). */
  admins?: boolean;
  /**
   * The record's owner (the token `sub` it belongs to, e.g. a request's
   * submitter or a volunteer's account): `also` lets the owner through
   * whatever their role or jurisdiction; `only` refuses everyone else even
   * when the rest of the rule passes. Checks pass the owner as `ownerSub`.
   */
  owner?: 'also' | 'only';
  /**
   * The records a write names besides one another, each with its own
   * community (a sign-up's activity and volunteer): the jurisdiction check
   * then applies to every one of them, and checks pass the target as
   * `{ party: code or codes }` naming exactly these parties. Unset, the
   * target is a single code.
   */
  parties?: readonly string[];
}

/** What a check is about: one division code, or one code (or several) per party of a rule with `parties`. */
export type AccessTarget = string | Readonly<Record<string, string | readonly string[]>>;

/** What a record's check needs: its code (or a code per party) and its owner's token subject. */
export interface RecordScope {
  code: AccessTarget;
  ownerSub?: string | null;
}

/**
 * A subgraph's authorisation, as data: operation name → rule. One file per
 * subgraph declares it; resolvers call `authorize`/`isAllowed` with it, and
 * the authorisation matrix test walks it.
 */
export type AccessPolicy<Operation extends string = string> = Readonly<Record<Operation, AccessRule>>;

export function definePolicy<Operation extends string>(policy: AccessPolicy<Operation>): AccessPolicy<Operation> {
  return policy;
}

function roleAllows(rule: AccessRule, viewer: Viewer): boolean {
  return viewer.roles.some(
    (role) =>
      (role === 'admin' && rule.admins !== false) ||
      (rule.roles.includes(role) && (role !== 'department_staff' || !rule.department || viewer.department === rule.department)),
  );
}

function roleRefusal(operation: string, rule: AccessRule): { code: 'FORBIDDEN'; message: string } {
  const department = rule.department ? ` (department_staff of ${rule.department})` : '';
  return { code: 'FORBIDDEN', message: `${operation} needs one of the roles ${rule.roles.join(', ')}${department}` };
}

/**
 * The codes a check must find within the jurisdiction, each with the party it
 * belongs to (null for a single-code target). A target that does not match
 * the rule's parties is a mistake in the calling code, not a refusal: it
 * throws, so that a party cannot be left unchecked by omission.
 */
function targetCodes(operation: string, rule: AccessRule, target: AccessTarget | undefined): { party: string | null; code: string }[] {
  if (target === undefined) {
    return [];
  }
  if (typeof target === 'string') {
    if (rule.parties) {
      throw new Error(`${operation} names the parties ${rule.parties.join(', ')}: pass a code for each`);
    }
    return [{ party: null, code: target }];
  }
  const given = Object.keys(target).sort();
  if (!rule.parties || given.join() !== [...rule.parties].sort().join()) {
    throw new Error(`${operation} names the parties ${rule.parties?.join(', ') ?? '(none)'}, the check gave ${given.join(', ')}`);
  }
  return rule.parties.flatMap((party) => {
    const codes = target[party];
    return (typeof codes === 'string' ? [codes] : codes).map((code) => ({ party, code }));
  });
}

/** Why `viewer` may not perform `operation` on `target` (owned by `ownerSub`), or null when it may. */
export function refusal<Operation extends string>(
  policy: AccessPolicy<Operation>,
  operation: Operation,
  viewer: Viewer | null,
  target?: AccessTarget,
  ownerSub?: string | null,
): { code: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string; party?: string | null } | null {
  const rule = policy[operation];
  const codes = targetCodes(operation, rule, target);
  if (!viewer) {
    return { code: 'UNAUTHENTICATED', message: `sign in to ${operation}` };
  }
  const isOwner = ownerSub != null && viewer.sub === ownerSub;
  if (rule.owner === 'also' && isOwner) {
    return null;
  }
  if (!roleAllows(rule, viewer)) {
    return roleRefusal(operation, rule);
  }
  const outside = rule.withinJurisdiction === false ? undefined : codes.find(({ code }) => !coversCode(viewer, code));
  if (outside) {
    const party = outside.party === null ? '' : ` (the ${outside.party})`;
    return { code: 'FORBIDDEN', message: `${operation}: ${outside.code}${party} is outside your jurisdiction ${viewer.jurisdiction}`, party: outside.party };
  }
  if (rule.owner === 'only' && !isOwner) {
    return { code: 'FORBIDDEN', message: `${operation}: only the record's owner may` };
  }
  return null;
}

/** Throws UNAUTHENTICATED or FORBIDDEN unless the policy allows; returns the viewer when it does. */
export function authorize<Operation extends string>(
  policy: AccessPolicy<Operation>,
  operation: Operation,
  viewer: Viewer | null,
  target?: AccessTarget,
  ownerSub?: string | null,
): Viewer {
  const reason = refusal(policy, operation, viewer, target, ownerSub);
  if (reason) {
    throw reason.code === 'UNAUTHENTICATED' ? unauthenticated(reason.message) : forbidden(reason.message);
  }
  return viewer as Viewer;
}

/** The same rule as a yes/no, for masking a field instead of failing it. */
export function isAllowed<Operation extends string>(
  policy: AccessPolicy<Operation>,
  operation: Operation,
  viewer: Viewer | null,
  target?: AccessTarget,
  ownerSub?: string | null,
): boolean {
  return refusal(policy, operation, viewer, target, ownerSub) === null;
}

/**
 * How a request for one record, named by its id, is refused — decided
 * without the record where possible, so that an unknown id and a record out
 * of reach answer alike:
 * - UNAUTHENTICATED: no token (whatever the id);
 * - FORBIDDEN: the caller lacks the rule's role outright (whatever the id),
 *   unless the rule also lets the record's owner through;
 * - 'unknown': the record lies outside the caller's jurisdiction, belongs to
 *   someone else under an `owner` rule, or is not there: answered exactly as
 *   an unknown id, so a refusal never tells that a record exists, or where.
 */
export function recordRefusal<Operation extends string>(
  policy: AccessPolicy<Operation>,
  operation: Operation,
  viewer: Viewer | null,
  record: RecordScope | null,
): 'UNAUTHENTICATED' | 'FORBIDDEN' | 'unknown' | null {
  const outcome = recordOutcome(policy, operation, viewer, record);
  return outcome !== null && typeof outcome === 'object' ? 'unknown' : outcome;
}

/** Like recordRefusal, saying which party (of a rule with parties) is out of reach: null for a missing record or a single-code rule. */
export function recordOutcome<Operation extends string>(
  policy: AccessPolicy<Operation>,
  operation: Operation,
  viewer: Viewer | null,
  record: RecordScope | null,
): 'UNAUTHENTICATED' | 'FORBIDDEN' | { unknown: string | null } | null {
  const rule = policy[operation];
  if (!viewer) {
    return 'UNAUTHENTICATED';
  }
  if (rule.owner !== 'also' && !roleAllows(rule, viewer)) {
    return 'FORBIDDEN';
  }
  if (!record) {
    return { unknown: null };
  }
  const refused = refusal(policy, operation, viewer, record.code, record.ownerSub);
  return refused ? { unknown: refused.party ?? null } : null;
}

/**
 * For a write (or a read that fails) on a record looked up by id: the row
 * when the policy allows; NOT_FOUND "<what> does not exist" when it is
 * missing or out of the caller's reach — the same error either way; FORBIDDEN
 * or UNAUTHENTICATED only for what does not depend on the record. `scope`
 * gives the division code the rule is checked against (a code per party for
 * a rule with parties) and the record's owner; `what` may name each party,
 * so that a party out of reach reads as that party unknown.
 */
export function authorizedRecord<Operation extends string, Row>(
  policy: AccessPolicy<Operation>,
  operation: Operation,
  viewer: Viewer | null,
  row: Row | null | undefined,
  what: string | Readonly<Record<string, string>>,
  scope: (row: Row) => RecordScope,
): Row {
  const outcome = recordOutcome(policy, operation, viewer, row == null ? null : scope(row));
  if (outcome !== null && typeof outcome === 'object') {
    throw notFound(typeof what === 'string' ? what : what[outcome.unknown ?? ''] ?? Object.values(what)[0]);
  }
  if (outcome !== null) {
    // The same refusal authorize() gives, without the record.
    authorize(policy, operation, viewer);
  }
  return row as Row;
}

/**
 * The read-side twin for a field that answers null for an unknown id: the
 * row, or null when it is missing or out of reach; throws only for what does
 * not depend on the record (no token, no role).
 */
export function readableRecord<Operation extends string, Row>(
  policy: AccessPolicy<Operation>,
  operation: Operation,
  viewer: Viewer | null,
  row: Row | null | undefined,
  scope: (row: Row) => RecordScope,
): Row | null {
  const outcome = recordRefusal(policy, operation, viewer, row == null ? null : scope(row));
  if (outcome === 'unknown') {
    return null;
  }
  if (outcome !== null) {
    authorize(policy, operation, viewer);
  }
  return row ?? null;
}
