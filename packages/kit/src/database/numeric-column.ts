import type { ValueTransformer } from 'typeorm';

/** pg returns `numeric` as a string to keep its precision; the figures stored here fit a double comfortably. */
export const numericColumn: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
