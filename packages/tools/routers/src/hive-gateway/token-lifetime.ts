import { GraphQLError } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway';

/** Allowed clock skew, the platform's (the kit's verifier). */
const CLOCK_TOLERANCE_SECONDS = 30;

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * What Hive's JWT plugin (jsonwebtoken) does not check and the platform
 * does: a token must say when it expires, no further than `maxLifetimeSeconds`
 * from its `iat` (or from now when it has none), so a leaked token stops
 * working within a day. Same messages as the kit's verifier. Runs once the
 * JWT plugin has verified the token and put it on the context as `jwt`.
 */
export function boundedTokenLifetime(maxLifetimeSeconds: number): GatewayPlugin<{ jwt?: { payload: { exp?: unknown; iat?: unknown } } }> {
  return {
    onContextBuilding({ context }) {
      const payload = context.jwt?.payload;
      if (!payload) {
        return;
      }
      if (typeof payload.exp !== 'number') {
        throw unauthenticated('token has no expiry');
      }
      const issuedAt = typeof payload.iat === 'number' ? payload.iat : Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS;
      if (payload.exp - issuedAt > maxLifetimeSeconds) {
        throw unauthenticated(`token lifetime is over the maximum of ${maxLifetimeSeconds} s`);
      }
    },
  };
}
