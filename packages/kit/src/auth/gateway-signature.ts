import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The gateway signs every request it sends a subgraph, so that a subgraph
 * can tell the gateway's requests from anyone else's: only those may carry
 * figures another subgraph resolved (the population a `@requires` hands
 * over in an entity representation) and set the request id stored in audit
 * rows. HMAC-SHA256 with a key the gateway and every subgraph share
 * (SUBGRAPH_SIGNING_KEY), over the time of signing, the request id and the
 * exact body, so a signature fits one request and goes stale quickly.
 */
export const GATEWAY_SIGNATURE_HEADER = 'x-gateway-signature';

/** How old (or, for clock skew, how far ahead) a signature may be. */
export const SIGNATURE_WINDOW_MS = 30_000;

export interface SignedRequest {
  /** The x-request-id header sent with the request ('' when none). */
  requestId: string;
  /** The request body exactly as sent. */
  body: string;
}

/**
 * The signed text. A platform service's signature names the service on a
 * line of its own, before the body: a body is JSON and starts with "{", so a
 * gateway signature never verifies as a service's, nor one service's as
 * another's.
 */
function mac(key: string, timestamp: string, request: SignedRequest, service: string | null): Buffer {
  // The id is quoted (JSON), so no part can be shifted into the next: "a" + "b\nc" never reads as "a\nb" + "c".
  const signer = service === null ? '' : `service:${JSON.stringify(service)}\n`;
  return createHmac('sha256', key).update(`${timestamp}\n${JSON.stringify(request.requestId)}\n${signer}${request.body}`).digest();
}

function sign(key: string, request: SignedRequest, service: string | null, now: number): string {
  const timestamp = String(now);
  return `t=${timestamp},v1=${mac(key, timestamp, request, service).toString('hex')}`;
}

const HEADER = /^t=(\d{1,16}),v1=([0-9a-f]{64})$/;

function verify(key: string, header: string | undefined, request: SignedRequest, service: string | null, now: number): boolean {
  const match = header ? HEADER.exec(header) : null;
  if (!match) {
    return false;
  }
  const [, timestamp, signature] = match;
  if (Math.abs(now - Number(timestamp)) > SIGNATURE_WINDOW_MS) {
    return false;
  }
  return timingSafeEqual(Buffer.from(signature, 'hex'), mac(key, timestamp, request, service));
}

/** The header value for one request: `t=<milliseconds since the epoch>,v1=<hex HMAC>`. */
export function signGatewayRequest(key: string, request: SignedRequest, now = Date.now()): string {
  return sign(key, request, null, now);
}

/** True when `header` is a signature of this request with `key`, made within the window. */
export function verifyGatewaySignature(key: string, header: string | undefined, request: SignedRequest, now = Date.now()): boolean {
  return verify(key, header, request, null, now);
}

/**
 * A platform service reading a subgraph itself (the statistics store reading
 * the department feeds) signs with the same key and names itself, so that
 * no deployment needs a token-signing secret for it: RS256-only deployments,
 * whose tokens only their identity provider can issue, work as HS256 ones.
 * Who the service is then is `serviceViewer`'s to say.
 */
export const SERVICE_HEADER = 'x-service';
export const SERVICE_SIGNATURE_HEADER = 'x-service-signature';

/** The headers that make a request `service`'s own. */
export function serviceRequestHeaders(key: string, service: string, request: SignedRequest, now = Date.now()): Record<string, string> {
  return { [SERVICE_HEADER]: service, [SERVICE_SIGNATURE_HEADER]: sign(key, request, service, now) };
}

/** The service a request names and proves it comes from, or null. */
export function verifiedService(key: string, headers: { service: string | undefined; signature: string | undefined }, request: SignedRequest, now = Date.now()): string | null {
  const { service, signature } = headers;
  return service !== undefined && verify(key, signature, request, service, now) ? service : null;
}
