import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kind, Lexer, parse, Source, TokenKind, visit, type OperationDefinitionNode } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { readEnvironment } from '@shequ/gateway';
import { DEFAULT_DOCUMENT_LIMITS, measureDocument } from '@shequ/kit';
import { TEST_JWT_SECRET, TEST_SIGNING_KEY } from '@shequ/kit/testing';
import { SUBGRAPHS, SUPERGRAPH_PATH } from '@shequ/schema';
import { CLIENT_MANIFEST_PATH } from '../hive-gateway/environment';
import { readTrustedDocuments } from '../hive-gateway/trusted-documents';
import { SIGNING_PROXY_PORT } from './environment';

/*
 * No Router binary runs here, so this reads router/router.yaml as the Router
 * would find it on disk and checks what the platform needs of it: the files
 * it names exist, and its values are the platform gateway's.
 */
const PACKAGE_DIR = join(__dirname, '..', '..');
const ROUTER_YAML = join(PACKAGE_DIR, 'router', 'router.yaml');
const text = readFileSync(ROUTER_YAML, 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const config = parseYaml(text) as Record<string, any>;
const platform = readEnvironment({ NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET, SUBGRAPH_SIGNING_KEY: TEST_SIGNING_KEY });
const clientDocuments = [...readTrustedDocuments(CLIENT_MANIFEST_PATH)].map(([, document]) => document);

describe('router/router.yaml', () => {
  it('starts, as its header says, with the committed supergraph (the Router takes it on the command line)', () => {
    const [, path] = /--supergraph (\S+)/.exec(text) ?? [];
    expect(path).toBeDefined();
    expect(resolve(PACKAGE_DIR, path)).toBe(SUPERGRAPH_PATH);
    expect(existsSync(resolve(PACKAGE_DIR, path))).toBe(true);
  });

  it('checks RS256 tokens against the JWKS with issuer and audience, refusing bad ones', () => {
    const jwt = config.authentication.router.jwt;
    expect(jwt.jwks).toEqual([{ url: '${env.JWT_JWKS_URL}', issuers: ['${env.JWT_ISSUER}'], audiences: ['${env.JWT_AUDIENCE}'], algorithms: ['RS256'], poll_interval: '60s' }]);
    expect(jwt.on_error).toBe('Error');
    expect([jwt.header_name, jwt.header_value_prefix]).toEqual(['authorization', 'Bearer']);
    // Every variable used without a default is named in the header, for whoever deploys it.
    const required = [...text.matchAll(/\$\{env\.(\w+)\}/g)].map(([, name]) => name);
    expect(new Set(required)).toEqual(new Set(['JWT_JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE']));
    for (const name of required) {
      expect(text.split('\nsupergraph:')[0]).toContain(name);
    }
  });

  it('forwards the caller\'s token to the subgraphs, and nothing else of the client\'s', () => {
    expect(config.headers).toEqual({ all: { request: [{ propagate: { named: 'authorization' } }] } });
  });

  it("has the platform gateway's limits, body size and subgraph deadline", () => {
    const limits = config.limits.router;
    expect([limits.max_depth, limits.max_aliases, limits.parser_max_tokens]).toEqual([DEFAULT_DOCUMENT_LIMITS.maxDepth, DEFAULT_DOCUMENT_LIMITS.maxAliases, DEFAULT_DOCUMENT_LIMITS.maxTokens]);
    expect(limits.http_max_request_bytes).toBe(platform.maxBodyBytes);
    expect(config.traffic_shaping.all.timeout).toBe(`${platform.subgraphTimeoutMs / 1000}s`);
  });

  it('lets every registered operation of @shequ/client through its limits', () => {
    const limits = config.limits.router;
    for (const document of clientDocuments) {
      const parsed = parse(document);
      const shape = measureDocument(parsed);
      let fields = 0;
      visit(parsed, { Field: () => void (fields += 1) });
      const roots = parsed.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)[0].selectionSet.selections.length;
      const lexer = new Lexer(new Source(document));
      let tokens = 0;
      while (lexer.advance().kind !== TokenKind.EOF) {
        tokens += 1;
      }
      expect({ depth: shape.depth <= limits.max_depth, aliases: shape.aliases <= limits.max_aliases, height: fields <= limits.max_height, roots: roots <= limits.max_root_fields, tokens: tokens <= limits.parser_max_tokens }).toEqual({
        depth: true,
        aliases: true,
        height: true,
        roots: true,
        tokens: true,
      });
    }
  });

  it("safelists @shequ/client's operations from the manifest the build writes, logging unknown ones", () => {
    expect(config.apq).toEqual({ enabled: false });
    const queries = config.persisted_queries;
    expect(queries).toMatchObject({ enabled: true, log_unknown: true, safelist: { enabled: '${env.TRUSTED_DOCUMENTS_ONLY_FOR_ANONYMOUS:-false}', require_id: false } });
    const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, queries.local_manifests[0]), 'utf8')) as { format: string; operations: { id: string; body: string; name: string }[] };
    expect(manifest.format).toBe('apollo-persisted-query-manifest');
    expect(manifest.operations.map((operation) => operation.body).sort()).toEqual([...clientDocuments].sort());
    for (const operation of manifest.operations) {
      expect(operation.id).toBe(createHash('sha256').update(operation.body).digest('hex'));
      expect(operation.body).toContain(`query ${operation.name}`);
    }
  });

  it('runs a Rhai script that lifts the safelist for callers with a token and sets the request id', () => {
    const script = readFileSync(join(PACKAGE_DIR, config.rhai.scripts, config.rhai.main), 'utf8');
    expect(script).toContain('request.context["apollo_persisted_queries::safelist::skip_enforcement"] = true');
    expect(script).toContain('request.subgraph.headers["x-request-id"]');
  });

  it('sends every subgraph of the list through the signing proxy', () => {
    expect(config.override_subgraph_url).toEqual(Object.fromEntries(SUBGRAPHS.map((entry) => [entry.name, `http://127.0.0.1:${SIGNING_PROXY_PORT}/${entry.name}`])));
  });

  it('serves health, Prometheus metrics on a port of their own and W3C trace context, and no CDN-loaded pages', () => {
    expect(config.health_check).toMatchObject({ enabled: true, path: '/health' });
    expect(config.telemetry.exporters.metrics.prometheus).toEqual({ enabled: true, listen: '127.0.0.1:9090', path: '/metrics' });
    expect(config.telemetry.exporters.tracing.propagation.trace_context).toBe(true);
    expect([config.sandbox.enabled, config.homepage.enabled, config.supergraph.introspection]).toEqual([false, false, false]);
    expect(config.cors).toEqual({ policies: [{ origins: [] }] });
  });
});
