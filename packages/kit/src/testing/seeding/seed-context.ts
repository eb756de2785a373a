import type { PoolClient } from 'pg';
import type { CommunityRow } from './governance/regions';
import type { Scale, ScaleName } from './scales';

/** What a department's seeder gets: the communities governance wrote, and how much to make. */
export interface SeedContext {
  scaleName: ScaleName;
  scale: Scale;
  /** Seeds the department's own Random, e.g. `new Random(context.seed + 2)`. */
  seed: number;
  communities: readonly CommunityRow[];
  /** Dates are laid out backwards from this day (UTC midnight of the day the seed runs, unless given). */
  referenceDate: Date;
  log(message: string): void;
}

/** Writes one department's records into its own tables, in the seed's transaction. */
export type DepartmentSeeder = (client: PoolClient, context: SeedContext) => Promise<void>;
