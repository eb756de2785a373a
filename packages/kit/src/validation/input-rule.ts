import type { z } from 'zod';
import { badUserInput } from '../errors/graphql-errors';

/**
 * Reads an argument by a zod rule. A refusal is BAD_USER_INPUT naming the
 * argument, with the rule's own message: every rule in this folder words its
 * messages for a caller ("must be at most 50 characters"), so nothing about
 * the rule's construction reaches the client.
 */
export function readInput<Rule extends z.ZodTypeAny>(rule: Rule, value: unknown, argument: string): z.output<Rule> {
  const parsed = rule.safeParse(value);
  if (!parsed.success) {
    throw badUserInput(argument, parsed.error.issues[0]?.message ?? 'is not valid');
  }
  return parsed.data;
}
