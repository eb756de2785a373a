import { badUserInput } from '@shequ/kit';


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

