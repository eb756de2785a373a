/*
 * Sign-in through the deployment's OpenID Connect provider, when the gateway
 * says one is configured: the authorization-code flow with PKCE (no client
 * secret in a page), the access token then sent as the bearer token. The
 * provider's tokens must carry Shequ's claims (roles, jurisdiction); the
 * gateway verifies them (JWT_JWKS_URL).
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

const PENDING_KEY = 'shequ-console-oidc';

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomText = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

async function endpoints(settings: OidcSettings): Promise<{ authorization_endpoint: string; token_endpoint: string }> {
  const response = await fetch(`${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) {
    throw new Error(`the sign-in provider answered ${response.status}`);
  }
  return (await response.json()) as { authorization_endpoint: string; token_endpoint: string };
}

/** Where the provider sends the browser back: the console itself. */
const returnAddress = () => `${location.origin}/`;

/** Sends the browser to the provider's sign-in page. */
export async function startOidcSignIn(settings: OidcSettings): Promise<void> {
  const { authorization_endpoint: authorization } = await endpoints(settings);
  const verifier = randomText();
  const state = randomText();
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
  const url = new URL(authorization);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: returnAddress(),
    scope: settings.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** Back from the provider (`?code&state`): the access token, or null when this is not a return from it. */
export async function finishOidcSignIn(settings: OidcSettings): Promise<string | null> {
  const query = new URLSearchParams(location.search);
  const code = query.get('code');
  const pending = sessionStorage.getItem(PENDING_KEY);
  if (!code || !pending) {
    return null;
  }
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, '', `${location.pathname}${location.hash}`);
  const { verifier, state } = JSON.parse(pending) as { verifier: string; state: string };
  if (query.get('state') !== state) {
    throw new Error('the sign-in came back for another request; sign in again');
  }
  const { token_endpoint: tokenEndpoint } = await endpoints(settings);
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: returnAddress(), client_id: settings.clientId, code_verifier: verifier }).toString(),
  });
  const answer = (await response.json()) as { access_token?: string; error?: string };
  if (!answer.access_token) {
    throw new Error(`the sign-in provider gave no token: ${answer.error ?? response.status}`);
  }
  return answer.access_token;
}
