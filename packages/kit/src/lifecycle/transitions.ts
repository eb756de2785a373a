import { badUserInput } from '../errors/graphql-errors';

/** A status machine: for each status, the statuses it may move to. */
export type Transitions<Status extends string> = Readonly<Record<Status, readonly Status[]>>;

export function defineTransitions<Status extends string>(transitions: Transitions<Status>): Transitions<Status> {
  return transitions;
}

/**
 * Throws BAD_USER_INPUT naming the allowed next statuses unless `from → to`
 * is a legal move; call it before writing anything.
 */
export function assertTransition<Status extends string>(
  transitions: Transitions<Status>,
  from: Status,
  to: Status,
  subject: string,
): void {
  const allowed = transitions[from];
  if (!allowed.includes(to)) {
    const next = allowed.length ? `allowed from ${from}: ${allowed.join(', ')}` : `${from} is final`;
    throw badUserInput('status', `${subject} cannot move from ${from} to ${to} (${next})`);
  }
}
