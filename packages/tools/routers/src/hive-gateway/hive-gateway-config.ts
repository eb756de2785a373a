import { randomBytes } from 'node:crypto';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { createInlineSigningKeyProvider, createRemoteJwksSigningKeyProvider, usePrometheus, type GatewayCLIConfig, type GatewayPlugin, type GetSigningKeyFunction, type JWTAuthPluginOptions } from '@graphql-hive/gateway';
import { codedRefusals } from './coded-refusals';
import type { HiveGatewaySettings } from './environment';
import { protectedMetrics } from './protected-metrics';
import { boundedRequestSize } from './request-size';
import { gatewayRequestIds, signedSubgraphRequests } from './subgraph-requests';
import { boundedTokenLifetime } from './token-lifetime';
import { persistedDocumentsOptions, readTrustedDocuments } from './trusted-documents';

/** The platform's allowance for clock skew on `exp` and `nbf`. */
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Where a token's key comes from. Hive's plugin asks its key providers by
 * `kid` alone, never by algorithm, so with both an HS256 secret and a JWKS a
 * token naming a key (as every identity provider's RS256 token does) is
 * checked against the JWKS and one naming none against the secret. A key the
 * JWKS does not hold, or a JWKS that cannot be reached, makes the token
 * invalid (401) rather than the plugin's "Authentication is not available"
 * (500). jsonwebtoken refuses an HS256 token checked with a public key and an
 * RS256 one checked with a secret, so no token can choose its way round.
 */
function signingKeyProviders(tokens: HiveGatewaySettings['tokens']): [GetSigningKeyFunction, ...GetSigningKeyFunction[]] {
  const secret = tokens.secret;
  const jwksUrl = tokens.jwksUrl;
  if (!jwksUrl) {
    if (secret === null) {
      throw new Error('no way to check tokens: set JWT_SECRET or JWT_JWKS_URL');
    }
    return [createInlineSigningKeyProvider(secret)];
  }
  const jwks = createRemoteJwksSigningKeyProvider({ jwksUri: jwksUrl, cache: true, rateLimit: true });
  // A key no token verifies with: random, and symmetric, which RS256 refuses outright.
  const verifiesNothing = randomBytes(32).toString('hex');
  const fromJwks = async (kid?: string) => {
    try {
      return await jwks(kid);
    } catch {
      return verifiesNothing;
    }
  };
  return [(kid) => (kid || secret === null ? fromJwks(kid) : secret)];
}

/**
 * Hive's JWT plugin, configured as the platform verifies tokens: HS256 and/or
 * RS256, issuer and audience when set, 30 s of skew; no token is an anonymous
 * caller, a bad one is refused. The token itself reaches the subgraphs in
 * `authorization` (propagateHeaders below), since each verifies it again;
 * the plugin's own forwarding of claims in `extensions` is off, as no
 * subgraph trusts claims it did not verify.
 */
function jwtOptions(tokens: HiveGatewaySettings['tokens']): JWTAuthPluginOptions {
  return {
    signingKeyProviders: signingKeyProviders(tokens),
    tokenVerification: {
      algorithms: [...(tokens.secret !== null ? (['HS256'] as const) : []), ...(tokens.jwksUrl ? (['RS256'] as const) : [])],
      issuer: tokens.issuer,
      audience: tokens.audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    },
    reject: { missingToken: false, invalidToken: true },
    forward: { payload: false, token: false },
  };
}

/** The subgraphs the environment moves (GOVERNANCE_URL…); the others keep the supergraph's URL. */
function subgraphLocations(subgraphUrls: Record<string, string>): GatewayCLIConfig['transportEntries'] {
  return Object.fromEntries(Object.entries(subgraphUrls).map(([name, location]) => [name, { location }]));
}

/**
 * Hive Gateway serving the committed supergraph with the platform gateway's
 * edge checks (see README: what matches and what does not). Usable as the
 * `gatewayConfig` export of a config file for `hive-gateway supergraph`.
 */
export function hiveGatewayConfig(settings: HiveGatewaySettings): GatewayCLIConfig {
  const { limits, development } = settings;
  const trusted = settings.trustedDocumentsPath ? readTrustedDocuments(settings.trustedDocumentsPath) : null;
  return {
    supergraph: settings.supergraphPath,
    transportEntries: subgraphLocations(settings.subgraphUrls),
    port: settings.port,
    host: settings.host,
    logging: settings.logLevel,
    healthCheckEndpoint: '/health',
    readinessCheckEndpoint: '/ready',
    // Hive's IDE (the Laboratory) and landing page load from a CDN: development only, like the platform's IDE.
    graphiql: development,
    landingPage: false,
    maskedErrors: !development,
    cors: settings.corsOrigins.length > 0 ? { origin: settings.corsOrigins, credentials: false } : false,
    jwt: jwtOptions(settings.tokens),
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => {
        const authorization = request.headers.get('authorization');
        return authorization ? { authorization } : {};
      },
    },
    requestId: false,
    upstreamTimeout: settings.subgraphTimeoutMs,
    maxTokens: limits.maxTokens,
    blockFieldSuggestions: !development,
    disableIntrospection: development ? undefined : { disableIf: ({ context }) => !(context as { jwt?: unknown }).jwt },
    demandControl: { maxCost: limits.maxCost, includeExtensionMetadata: development },
    persistedDocuments: trusted ? persistedDocumentsOptions(trusted, settings.anonymousOnlyTrusted) : undefined,
    plugins: (context) => [
      codedRefusals(),
      gatewayRequestIds(),
      boundedRequestSize(limits.maxBodyBytes),
      boundedTokenLifetime(settings.tokens.maxLifetimeSeconds ?? Number.POSITIVE_INFINITY),
      // The platform measures depth in fields, with fragments expanded where they are used: flattened, not a level each.
      maxDepthPlugin({ n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: false }) as GatewayPlugin,
      maxAliasesPlugin({ n: limits.maxAliases, allowList: [] }) as GatewayPlugin,
      maxDirectivesPlugin({ n: limits.maxDirectives }) as GatewayPlugin,
      ...(development || settings.metricsToken
        ? [protectedMetrics(development ? null : settings.metricsToken), usePrometheus({ ...context, endpoint: '/metrics', metrics: true }) as GatewayPlugin]
        : []),
      // Last: it signs the headers and body as every hook before it left them.
      signedSubgraphRequests(settings.signingKey),
    ],
  };
}
