import { z } from 'zod';

/** Used only when NODE_ENV=development is explicit and SUBGRAPH_SIGNING_KEY is unset. It is public: never use it to protect real data. */
export const DEVELOPMENT_SIGNING_KEY = 'shequ-development-subgraph-signing-key-not-secret';

/** The variable the gateway and every subgraph read; extend a process's environment schema with it. */
export const signingKeyVariables = {
  SUBGRAPH_SIGNING_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
};

type SigningKeyEnvironment = { NODE_ENV?: string; SUBGRAPH_SIGNING_KEY?: string };

/**
 * A zod refinement: outside an explicit development mode the key must be set,
 * and not to the public development key, or anyone could sign as the gateway.
 */
export function signingKeyRequiredOutsideDevelopment(env: SigningKeyEnvironment, context: z.RefinementCtx): void {
  if (env.NODE_ENV === 'development') {
    return;
  }
  if (!env.SUBGRAPH_SIGNING_KEY) {
    context.addIssue({ code: z.ZodIssueCode.custom, path: ['SUBGRAPH_SIGNING_KEY'], message: `required when NODE_ENV=${env.NODE_ENV ?? '(unset)'} (the same key in the gateway and every subgraph)` });
  } else if (env.SUBGRAPH_SIGNING_KEY === DEVELOPMENT_SIGNING_KEY) {
    context.addIssue({ code: z.ZodIssueCode.custom, path: ['SUBGRAPH_SIGNING_KEY'], message: 'must not be the public development key outside development' });
  }
}

/** The key, or in development without one, the development key; validate with the refinement above first. */
export function signingKeyOf(env: SigningKeyEnvironment): string {
  return env.SUBGRAPH_SIGNING_KEY ?? DEVELOPMENT_SIGNING_KEY;
}
