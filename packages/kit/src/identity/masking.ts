import type { Viewer } from '../auth/viewer';

/*
 * Personal data as callers without the right to it read it: enough left to
 * tell rows apart in a list, nothing that identifies the person.
 */

/** "张三" → "张*", "欧阳娜娜" → "欧***"; a one-character name is hidden whole. */
export function maskName(name: string): string {
  const characters = [...name];
  return characters.length <= 1 ? '*' : characters[0] + '*'.repeat(characters.length - 1);
}

/**
 * Everything but the last four characters starred; a value under `shortest`
 * characters entirely, since its last four would be most of it.
 */
function lastFourOnly(value: string, shortest: number): string {
  const characters = [...value];
  return characters.length < shortest ? '*'.repeat(characters.length) : '*'.repeat(characters.length - 4) + characters.slice(-4).join('');
}

/** "13812345678" → "*******5678", "87654321" → "****4321": at most the last four digits; under 8 characters, none. */
export function maskPhone(phone: string): string {
  return lastFourOnly(phone, 8);
}

/** "620102199001011234" → "**************1234": region and birth date go with the rest; under 9 characters, nothing shows. */
export function maskIdNumber(idNumber: string): string {
  return lastFourOnly(idNumber, 9);
}

const MASKS = { name: maskName, phone: maskPhone, idNumber: maskIdNumber } as const;

/** Which kind of personal value a field holds, and so which mask it takes. */
export type PersonalKind = keyof typeof MASKS;

/**
 * The one rule for a personal field (a person's name, phone or ID number):
 * in the clear when the policy allows the caller (`allowed`); not at all
 * (null) for an anonymous caller, who has no business with people; masked
 * for anyone else signed in, enough to tell rows apart.
 */
export function personalValue(value: string | null | undefined, kind: PersonalKind, viewer: Viewer | null, allowed: boolean): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (allowed) {
    return value;
  }
  return viewer ? MASKS[kind](value) : null;
}
