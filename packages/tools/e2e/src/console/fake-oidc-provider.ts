import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signToken } from '@shequ/kit';
import { TEST_JWT_SECRET } from '@shequ/kit/testing';

/**
 * An OpenID Connect provider for the console's sign-in test, on this
 * machine: discovery, an authorization endpoint that signs in at once and
 * sends the browser back with a code, and a token endpoint that checks the
 * PKCE verifier against the challenge before giving an access token with
 * Shequ's claims (signed with the test secret the gateway verifies).
 */
export interface FakeOidcProvider {
  issuer: string;
  clientId: string;
  /** Codes exchanged for tokens so far. */
  exchanged: number;
  stop(): Promise<void>;
}

export async function startFakeOidcProvider(claims: { roles: ('analyst' | 'admin')[]; jurisdiction: string }): Promise<FakeOidcProvider> {
  const clientId = 'shequ-console';
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const provider: FakeOidcProvider = { issuer: '', clientId, exchanged: 0, stop: async () => undefined };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', provider.issuer);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      json(200, { issuer: provider.issuer, authorization_endpoint: `${provider.issuer}/authorize`, token_endpoint: `${provider.issuer}/token` });
      return;
    }
    if (url.pathname === '/authorize') {
      const query = url.searchParams;
      if (query.get('client_id') !== clientId || query.get('code_challenge_method') !== 'S256' || query.get('response_type') !== 'code') {
        json(400, { error: 'invalid_request' });
        return;
      }
      const code = randomUUID();
      codes.set(code, { challenge: query.get('code_challenge') ?? '', redirectUri: query.get('redirect_uri') ?? '' });
      const back = new URL(query.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', query.get('state') ?? '');
      response.writeHead(302, { location: back.toString() });
      response.end();
      return;
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const issued = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verified = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
        if (!issued || issued.challenge !== verified || issued.redirectUri !== form.get('redirect_uri') || form.get('client_id') !== clientId) {
          json(400, { error: 'invalid_grant' });
          return;
        }
        provider.exchanged += 1;
        json(200, { access_token: signToken({ sub: 'oidc:person', ...claims, expiresIn: '1h' }, TEST_JWT_SECRET), token_type: 'Bearer' });
      });
      return;
    }
    json(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  provider.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return provider;
}
