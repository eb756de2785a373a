import { forbidden, unauthenticated } from '../errors/graphql-errors';
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
): { code: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string } | null {
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
    const department = rule.department ? ` (department_staff of ${rule.department})` : '';
    return { code: 'FORBIDDEN', message: `${operation} needs one of the roles ${rule.roles.join(', ')}${department}` };
  }
  const outside = rule.withinJurisdiction === false ? undefined : codes.find(({ code }) => !coversCode(viewer, code));
  if (outside) {
    const party = outside.party === null ? '' : ` (the ${outside.party})`;
    return { code: 'FORBIDDEN', message: `${operation}: ${outside.code}${party} is outside your jurisdiction ${viewer.jurisdiction}` };
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
