import type { PoolClient } from 'pg';
import type { Scale, ScaleName } from './scales';

export type Tier = 'ADVANCED' | 'STANDARD' | 'FOUNDATIONAL';

/** A community as the owner of communities seeded it: what every department's records key on. */
export interface CommunityRow {
  code: string;
  name: string;
  streetCode: string;
  population: number;
  households: number;
  tier: Tier;
  synthetic: boolean;
}

/** What a department's seeder gets: the communities the owner of communities wrote, and how much to make. */
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

/** The context before any community exists. */
export type CommunitySeedContext = Omit<SeedContext, 'communities'>;

/** Writes the regions and communities of a scale, in the seed's transaction, and returns the communities the departments' seeders key on. */
export type CommunitySeeder = (client: PoolClient, context: CommunitySeedContext) => Promise<CommunityRow[]>;
