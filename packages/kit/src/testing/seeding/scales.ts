/**
 * How much data each scale seeds. `demo` loads in seconds for `pnpm start`;
 * `province` is Gansu's real order of size (about 100 counties, 1,500 streets
 * and over 15,000 communities); `stress` is about ten times the rows.
 */
export interface Scale {
  counties: number;
  streets: number;
  communities: number;
}

export const SCALES = {
  demo: { counties: 28, streets: 84, communities: 336 },
  province: { counties: 100, streets: 1500, communities: 15000 },
  stress: { counties: 300, streets: 7500, communities: 150000 },
} as const satisfies Record<string, Scale>;

export type ScaleName = keyof typeof SCALES;

export function isScaleName(value: string): value is ScaleName {
  return Object.hasOwn(SCALES, value);
}
