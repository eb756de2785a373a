import { z } from 'zod';
import { commonEnvironmentSchema, parseEnvironment, requiredInProduction, signingKeyRequiredOutsideDevelopment, signingKeyVariables, tokensRequiredOutsideDevelopment, withDevelopmentDefault } from '@shequ/kit';
import { isScaleName, type ScaleName } from '@shequ/seed';

export interface PlatformSettings {
  /** An external server's database; null starts the embedded PostgreSQL. */
  databaseUrl: string | null;
  /** Loaded when the database holds no regions yet. */
  seedScale: ScaleName;
  /** The mode the platform runs in and hands to every process it starts: development unless NODE_ENV says otherwise. */
  mode: 'development' | 'production' | 'test';
}

const platformEnvironmentSchema = commonEnvironmentSchema
  .extend({
    DATABASE_URL: z.string().url().optional(),
    SEED_SCALE: z.string().refine(isScaleName, 'must be demo, province or stress').default('demo'),
    // Checked here too, so that a missing key stops the launcher instead of every process it starts.
    ...signingKeyVariables,
  })
  .superRefine(requiredInProduction(['DATABASE_URL']))
  .superRefine(tokensRequiredOutsideDevelopment)
  .superRefine(signingKeyRequiredOutsideDevelopment);

/** The launcher's settings; unlike the processes it starts, an unset NODE_ENV means development here. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): PlatformSettings {
  const parsed = parseEnvironment(platformEnvironmentSchema, withDevelopmentDefault(env));
  return {
    databaseUrl: parsed.DATABASE_URL ?? null,
    seedScale: parsed.SEED_SCALE as ScaleName,
    mode: parsed.NODE_ENV,
  };
}
