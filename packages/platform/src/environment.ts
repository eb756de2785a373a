import { z } from 'zod';
import { commonEnvironmentSchema, parseEnvironment, requiredInProduction, signingKeyRequiredOutsideDevelopment, signingKeyVariables, tokensRequiredInProduction } from '@shequ/kit';
import { isScaleName, type ScaleName } from '@shequ/seed';

export interface PlatformSettings {
  /** An external server's database; null starts the embedded PostgreSQL. */
  databaseUrl: string | null;
  /** Loaded when the database holds no regions yet. */
  seedScale: ScaleName;
  production: boolean;
}

const platformEnvironmentSchema = commonEnvironmentSchema
  .extend({
    DATABASE_URL: z.string().url().optional(),
    SEED_SCALE: z.string().refine(isScaleName, 'must be demo, province or stress').default('demo'),
    // Checked here too, so that a missing key stops the launcher instead of every process it starts.
    ...signingKeyVariables,
  })
  .superRefine(requiredInProduction(['DATABASE_URL']))
  .superRefine(tokensRequiredInProduction)
  .superRefine(signingKeyRequiredOutsideDevelopment);

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): PlatformSettings {
  const parsed = parseEnvironment(platformEnvironmentSchema, env);
  return {
    databaseUrl: parsed.DATABASE_URL ?? null,
    seedScale: parsed.SEED_SCALE as ScaleName,
    production: parsed.NODE_ENV === 'production',
  };
}
