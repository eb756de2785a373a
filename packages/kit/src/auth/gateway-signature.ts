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

function mac(key: string, timestamp: string, request: SignedRequest): Buffer {
  // The id is quoted (JSON), so no part can be shifted into the next: "a" + "b\nc" never reads as "a\nb" + "c".
  return createHmac('sha256', key).update(`${timestamp}\n${JSON.stringify(request.requestId)}\n${request.body}`).digest();
}

/** The header value for one request: `t=<milliseconds since the epoch>,v1=<hex HMAC>`. */
export function signGatewayRequest(key: string, request: SignedRequest, now = Date.now()): string {
  const timestamp = String(now);
  return `t=${timestamp},v1=${mac(key, timestamp, request).toString('hex')}`;
}

const HEADER = /^t=(\d{1,16}),v1=([0-9a-f]{64})$/;

/** True when `header` is a signature of this request with `key`, made within the window. */
export function verifyGatewaySignature(key: string, header: string | undefined, request: SignedRequest, now = Date.now()): boolean {
  const match = header ? HEADER.exec(header) : null;
  if (!match) {
    return false;
  }
  const [, timestamp, signature] = match;
  if (Math.abs(now - Number(timestamp)) > SIGNATURE_WINDOW_MS) {
    return false;
  }
  return timingSafeEqual(Buffer.from(signature, 'hex'), mac(key, timestamp, request));
}
