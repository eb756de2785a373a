import { z } from 'zod';
import { readInput } from './input-rule';

/**
 * The resident identity card number (GB 11643): 18 characters, 17 digits and
 * a check character that is a digit or X. Trimmed and upper-cased, so a
 * lower-case x is the same number.
 *
 * The check character is not verified: no department verified it, records
 * are copied from cards and paper files, and a mistyped digit is for the
 * caseworker to correct, not a reason to lose the record.
 */
const ID_CARD = /^\d{17}[\dX]$/;

export const idCardRule = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .refine((value) => ID_CARD.test(value), { message: 'must be an 18-character resident identity card number: 17 digits and a digit or X' });

export function assertIdCardNumber(value: string, argument: string): string {
  return readInput(idCardRule, value, argument);
}
