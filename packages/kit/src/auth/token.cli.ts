import { parseArgs } from 'node:util';
import { z } from 'zod';
import { commonEnvironmentSchema, tokenSettingsOf } from '../environment/common-environment';
import { parseEnvironment, runMain, StartupError } from '../environment/parse-environment';
import { signToken } from './jwt';
import type { Viewer } from './viewer';

const USAGE = 'usage: pnpm -s token --role <role> [--role <role>] --jurisdiction <code> [--department <department>] [--sub <id>] [--expires-in 12h]';

runMain(async () => {
  const env = parseEnvironment(commonEnvironmentSchema.pick({ NODE_ENV: true, JWT_SECRET: true }), process.env);
  const secret = tokenSettingsOf(env).secret;
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
  try {
    const token = signToken(
      {
        sub: values.sub,
        roles: (values.role ?? []) as Viewer['roles'],
        jurisdiction: values.jurisdiction,
        department: (values.department ?? null) as Viewer['department'],
        expiresIn: values['expires-in'],
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
