import { parseArgs } from 'node:util';
import { z } from 'zod';
import { commonEnvironmentSchema, durationSeconds, tokenSettingsOf, tokensRequiredOutsideDevelopment, withDevelopmentDefault } from '../environment/common-environment';
import { parseEnvironment, runMain, StartupError } from '../environment/parse-environment';
import { signToken } from './jwt';
import type { Viewer } from './viewer';

const USAGE = 'usage: pnpm -s token --role <role> [--role <role>] --jurisdiction <code> [--department <department>] [--sub <id>] [--expires-in 12h]';

runMain(async () => {
  // A developer's tool, like `pnpm start`: development unless NODE_ENV says otherwise.
  const schema = commonEnvironmentSchema.pick({ NODE_ENV: true, JWT_SECRET: true, JWT_MAX_LIFETIME: true }).superRefine(tokensRequiredOutsideDevelopment);
  const env = parseEnvironment(schema, withDevelopmentDefault(process.env));
  const { secret, maxLifetimeSeconds } = tokenSettingsOf(env);
  if (!secret) {
    throw new StartupError('set JWT_SECRET to sign tokens outside development');
  }
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      jurisdiction: { type: 'string', default: '620000' },
      department: { type: 'string' },
      sub: { type: 'string', default: 'dev-user' },
      'expires-in': { type: 'string', default: '12h' },
    },
  });
  const lifetime = durationSeconds(values['expires-in']);
  if (lifetime === null || lifetime === 0 || lifetime > (maxLifetimeSeconds as number)) {
    throw new StartupError(`  --expires-in: must be a duration from 1 s to JWT_MAX_LIFETIME (${maxLifetimeSeconds} s), e.g. 3600, 90m or 12h\n${USAGE}`);
  }
  try {
    const token = signToken(
      {
        sub: values.sub,
        roles: (values.role ?? []) as Viewer['roles'],
        jurisdiction: values.jurisdiction,
        department: (values.department ?? null) as Viewer['department'],
        expiresIn: lifetime,
      },
      secret,
    );
    process.stdout.write(`${token}\n`);
  } catch (error) {
    if (error instanceof z.ZodError) {
      const problems = error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message}`).join('\n');
      throw new StartupError(`${problems}\n${USAGE}`);
    }
    throw error;
  }
});
