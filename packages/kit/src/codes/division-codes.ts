import { badUserInput } from '../errors/graphql-errors';

/**
 * China's statistical division codes (GB/T 2260 and its street/community
 * extension), written as people write them: 6 digits for the province, a
 * prefecture or a county (620000, 620100, 620102), 9 for a street or township
 * (620102001), 12 for a community (620102001001).
 */
export type RegionLevel = 'PROVINCE' | 'PREFECTURE' | 'COUNTY' | 'STREET';

const REGION_CODE = /^\d{6}(\d{3})?$/;
const COMMUNITY_CODE = /^\d{12}$/;

/** A caller's value as error messages show it: quoted, and cut short when long. */
export function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

export function isRegionCode(value: string): boolean {
  return REGION_CODE.test(value);
}

export function isCommunityCode(value: string): boolean {
  return COMMUNITY_CODE.test(value);
}

/** Throws BAD_USER_INPUT naming the argument unless `value` is a region code. */
export function assertRegionCode(value: string, argument = 'code'): string {
  if (!isRegionCode(value)) {
    throw badUserInput(
      argument,
      `${shown(value)} is not a region code: expected 6 digits (province, prefecture or county, e.g. 620100) or 9 digits (street or township, e.g. 620102001)`,
    );
  }
  return value;
}

/** Throws BAD_USER_INPUT naming the argument unless `value` is a community code. */
export function assertCommunityCode(value: string, argument = 'code'): string {
  if (!isCommunityCode(value)) {
    throw badUserInput(argument, `${shown(value)} is not a community code: expected 12 digits, e.g. 620102001001`);
  }
  return value;
}

export function regionLevel(code: string): RegionLevel {
  if (code.length === 9) {
    return 'STREET';
  }
  if (code.endsWith('0000')) {
    return 'PROVINCE';
  }
  return code.endsWith('00') ? 'PREFECTURE' : 'COUNTY';
}

/**
 * The part of a code that every code below it starts with: 620000 → 62,
 * 620100 → 6201, 620102 → 620102, 620102001 → 620102001. A region's
 * communities are exactly the community codes that start with it.
 */
export function significantPrefix(code: string): string {
  switch (code.length === 6 ? regionLevel(code) : 'OTHER') {
    case 'PROVINCE':
      return code.slice(0, 2);
    case 'PREFECTURE':
      return code.slice(0, 4);
    default:
      return code;
  }
}

/** The region directly above: a community's street, a street's county, and so on; null for a province. */
export function parentRegionCode(code: string): string | null {
  if (code.length === 12) {
    return code.slice(0, 9);
  }
  if (code.length === 9) {
    return code.slice(0, 6);
  }
  switch (regionLevel(code)) {
    case 'PROVINCE':
      return null;
    case 'PREFECTURE':
      return `${code.slice(0, 2)}0000`;
    default:
      return `${code.slice(0, 4)}00`;
  }
}

/** True when `code` (a region or community) lies within the region `regionCode`. */
export function isWithin(code: string, regionCode: string): boolean {
  return code.startsWith(significantPrefix(regionCode));
}
