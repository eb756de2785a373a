/*
 * How much of the province a field's work covers, and over how long. A
 * field's declared weight is its cost at the province over 12 months; a
 * field over a prefecture, a county or a street does the same work over a
 * share of the province's communities, and a trend over 5 years five times
 * the work of one over a year.
 */

/** Province, prefecture, county, street, community: the levels a scope can have, widest first. */
export type ScopeLevel = 0 | 1 | 2 | 3 | 4;
export const PROVINCE: ScopeLevel = 0;
export const COMMUNITY: ScopeLevel = 4;

/**
 * The average share of the province's communities a region of each level
 * holds (Gansu: 14 prefectures, about 100 counties, 1,500 streets, 15,000
 * communities).
 */
const SHARE_OF_PROVINCE = [1, 1 / 14, 1 / 100, 1 / 1_500, 1 / 15_000] as const;

/** A span that cannot be read (a malformed date the subgraph will refuse anyway) counts as this many months. */
const UNKNOWN_SPAN_MONTHS = 240;
const MONTH_MS = 30.44 * 24 * 3_600_000;

const LEVEL_NAMES: Record<string, ScopeLevel> = { PROVINCE: 0, PREFECTURE: 1, COUNTY: 2, STREET: 3, COMMUNITY: 4 };

/** The level of a division code; anything else (a malformed code) counts as the province. */
export function levelOfCode(code: unknown): ScopeLevel {
  if (typeof code !== 'string') {
    return PROVINCE;
  }
  if (/^\d{12}$/.test(code)) {
    return 4;
  }
  if (/^\d{9}$/.test(code)) {
    return 3;
  }
  if (!/^\d{6}$/.test(code) || code.endsWith('0000')) {
    return PROVINCE;
  }
  return code.endsWith('00') ? 1 : 2;
}

const narrower = (level: ScopeLevel): ScopeLevel => Math.min(level + 1, COMMUNITY) as ScopeLevel;
const wider = (level: ScopeLevel): ScopeLevel => Math.max(level - 1, PROVINCE) as ScopeLevel;

/**
 * The scope a field's arguments name, if any: a region or community code
 * (`regionCode`, `code`, `communityCode`), a parent whose children are meant
 * (`parentCode`), or a level (`level`).
 */
export function scopeOfArguments(args: Record<string, unknown>): ScopeLevel | null {
  for (const name of ['regionCode', 'communityCode', 'code'] as const) {
    if (name in args) {
      return levelOfCode(args[name]);
    }
  }
  if (typeof args.level === 'string' && args.level in LEVEL_NAMES) {
    return LEVEL_NAMES[args.level];
  }
  if ('parentCode' in args) {
    return args.parentCode === null || args.parentCode === undefined ? PROVINCE : narrower(levelOfCode(args.parentCode));
  }
  return null;
}

/**
 * The scope of what a field returns, for the fields below it: a Community is
 * one community; a region's `children` one level below it and its `parent`
 * one above; otherwise what the arguments name, else the parent's scope.
 */
export function scopeBelow(fieldName: string, returnTypeName: string | undefined, argumentScope: ScopeLevel | null, parentScope: ScopeLevel): ScopeLevel {
  if (returnTypeName === 'Community') {
    return COMMUNITY;
  }
  if (argumentScope !== null) {
    return argumentScope;
  }
  if (returnTypeName === 'Region' && fieldName === 'children') {
    return narrower(parentScope);
  }
  if (returnTypeName === 'Region' && fieldName === 'parent') {
    return wider(parentScope);
  }
  return parentScope;
}

/** How many regions of level `listed` a region of level `within` holds on average (the province's prefectures: 14; a prefecture's counties: 8). */
function regionsWithin(within: ScopeLevel, listed: ScopeLevel): number {
  return Math.max(1, Math.ceil(SHARE_OF_PROVINCE[within] / SHARE_OF_PROVINCE[listed]));
}

/**
 * How many regions a list of them holds: a region's `children`, the regions
 * of a `level` within a `parentCode` (or the province), the children of a
 * `parentCode`, or — with neither — every region of the province.
 */
export function regionListSize(fieldName: string, args: Record<string, unknown> | null, parentScope: ScopeLevel): number {
  if (fieldName === 'children') {
    return regionsWithin(parentScope, narrower(parentScope));
  }
  const within = args && typeof args.parentCode === 'string' ? levelOfCode(args.parentCode) : null;
  if (args && typeof args.level === 'string' && args.level in LEVEL_NAMES) {
    return regionsWithin(within ?? PROVINCE, LEVEL_NAMES[args.level]);
  }
  if (within !== null) {
    return regionsWithin(within, narrower(within));
  }
  let every = 1;
  for (let level = 1; level < COMMUNITY; level += 1) {
    every += regionsWithin(PROVINCE, level as ScopeLevel);
  }
  return every;
}

/** How many years of data a field reads: `from`/`to` as dates or months; one year otherwise. */
export function spanInYears(args: Record<string, unknown>): number {
  if (!('from' in args) && !('to' in args)) {
    return 1;
  }
  const instant = (value: unknown) => (typeof value === 'string' || value instanceof Date ? new Date(value).getTime() : Number.NaN);
  const from = instant(args.from);
  const to = instant(args.to);
  const months = Number.isFinite(from) && Number.isFinite(to) ? Math.max(0, (to - from) / MONTH_MS) : UNKNOWN_SPAN_MONTHS;
  return Math.max(1, months / 12);
}

/** The span of a field whose arguments cannot be read. */
export const UNKNOWN_SPAN_YEARS = UNKNOWN_SPAN_MONTHS / 12;

/** A declared weight at a scope over a span, in the estimate's units (never below 1). */
export function weightAt(weight: number, scope: ScopeLevel, years: number): number {
  return Math.max(1, Math.ceil(weight * SHARE_OF_PROVINCE[scope] * years));
}
