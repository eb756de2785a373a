import { z } from 'zod';
import { readInput } from './input-rule';

/**
 * Characters PostgreSQL cannot keep as sent: NUL is refused by a text
 * column, and an unpaired surrogate would be stored as U+FFFD, a different
 * text from the one the caller sent.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** Length as a reader counts it: 社 and 𠀋 are one character each, though 𠀋 takes two UTF-16 units. */
export function codePoints(text: string): number {
  let count = 0;
  for (const _character of text) {
    count += 1;
  }
  return count;
}

/** Text trimmed of surrounding white space, then 1 to `max` characters (Unicode code points). */
export function textRule(max: number) {
  return z
    .string()
    .transform((value) => value.trim())
    .superRefine((text, context) => {
      if (text.length === 0) {
        context.addIssue({ code: z.ZodIssueCode.custom, message: 'must not be empty' });
      } else if (codePoints(text) > max) {
        context.addIssue({ code: z.ZodIssueCode.custom, message: `must be at most ${max} characters (got ${codePoints(text)})` });
      } else if (unstorable(text)) {
        context.addIssue({ code: z.ZodIssueCode.custom, message: 'must not contain NUL or unpaired surrogate characters' });
      }
    });
}

/** Free text: trimmed, 1 to `max` characters. */
export function assertText(value: string, argument: string, max: number): string {
  return readInput(textRule(max), value, argument);
}

/** Free text that may be left out: absent, empty or blank is null; otherwise as `assertText`. */
export function assertOptionalText(value: string | null | undefined, argument: string, max: number): string | null {
  if (value == null || value.trim().length === 0) {
    return null;
  }
  return assertText(value, argument, max);
}

/** An idempotency key as a client chooses it: 8–100 letters, digits and . _ : - (a UUID fits). */
const idempotencyKeyRule = z.string().regex(/^[A-Za-z0-9._:-]{8,100}$/, 'expected 8–100 characters of letters, digits and . _ : -');

export function assertIdempotencyKey(value: string, argument: string): string {
  return readInput(idempotencyKeyRule, value, argument);
}
