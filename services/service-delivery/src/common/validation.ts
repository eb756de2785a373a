import { badUserInput } from '@shequ/kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is the caller's mistake, not a missing row. */
export function assertId(value: string, argument: string): string {
  if (!UUID.test(value)) {
    throw badUserInput(argument, `${JSON.stringify(value.slice(0, 40))} is not an id (expected a UUID)`);
  }
  return value;
}

/** Trims and bounds free text; empty text is refused unless `optional`. */
export function assertText(value: string, argument: string, maxLength: number): string;
export function assertText(value: string | null | undefined, argument: string, maxLength: number, optional: true): string | null;
export function assertText(value: string | null | undefined, argument: string, maxLength: number, optional = false): string | null {
  const text = value?.trim() ?? '';
  if (!text) {
    if (optional) {
      return null;
    }
    throw badUserInput(argument, 'must not be empty');
  }
  if (text.length > maxLength) {
    throw badUserInput(argument, `must be at most ${maxLength} characters (got ${text.length})`);
  }
  return text;
}

export function assertIntegerBetween(value: number, argument: string, low: number, high: number): number {
  if (!Number.isInteger(value) || value < low || value > high) {
    throw badUserInput(argument, `must be a whole number between ${low} and ${high} (got ${value})`);
  }
  return value;
}

/** Personal names read as their first character and a star per remaining one: 张三 → 张*. */
export function maskName(name: string | null): string | null {
  if (!name) {
    return name;
  }
  const characters = [...name];
  return characters[0] + '*'.repeat(Math.max(1, characters.length - 1));
}

/** Phone numbers keep their first three and last four digits: 13812345678 → 138****5678. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) {
    return phone;
  }
  return phone.length <= 7 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
