import { z } from 'zod';
import { readInput } from './input-rule';

/**
 * The one phone rule (see docs/architecture.md, "Input"): a mainland mobile
 * number, 11 digits starting with 1, or a landline, its area code (3 or 4
 * digits starting with 0, e.g. 010, 0931), an optional hyphen and 7 or 8
 * digits. That is the union of what any department took for a real number;
 * international prefixes, spaces and extensions are refused.
 *
 * The number is kept as written, only trimmed. It is not normalised: without
 * the hyphen a landline's split between area code and number cannot be
 * recovered (09318123456 may be 0931-8123456 or 093-18123456), and nothing
 * compares numbers — they are shown to people, masked to the last four digits.
 */
const PHONE = /^(?:1\d{10}|0\d{2,3}-?\d{7,8})$/;

export const phoneRule = z
  .string()
  .transform((value) => value.trim())
  .refine((value) => PHONE.test(value), { message: 'must be an 11-digit mobile number starting with 1, or a landline with its area code (e.g. 0931-8123456)' });

export function assertPhone(value: string, argument: string): string {
  return readInput(phoneRule, value, argument);
}

/** A phone number that may be left out: absent, empty or blank is null; otherwise as `assertPhone`. */
export function assertOptionalPhone(value: string | null | undefined, argument: string): string | null {
  return value == null || value.trim().length === 0 ? null : assertPhone(value, argument);
}
