import { serviceRequestHeaders, SERVICE_HEADER, SERVICE_SIGNATURE_HEADER, signGatewayRequest, SIGNATURE_WINDOW_MS, verifiedService, verifyGatewaySignature } from './gateway-signature';

const KEY = 'a-signing-key-of-at-least-32-characters';
const request = { requestId: 'req-1', body: '{"query":"{ a }"}' };
const now = 1_800_000_000_000;

describe('the gateway signature', () => {
  it('verifies a request signed with the same key within the window', () => {
    const header = signGatewayRequest(KEY, request, now);
    expect(header).toMatch(/^t=1800000000000,v1=[0-9a-f]{64}$/);
    expect(verifyGatewaySignature(KEY, header, request, now + SIGNATURE_WINDOW_MS)).toBe(true);
  });

  it.each([
    ['another key', () => verifyGatewaySignature(`${KEY}!`, signGatewayRequest(KEY, request, now), request, now)],
    ['another body', () => verifyGatewaySignature(KEY, signGatewayRequest(KEY, request, now), { ...request, body: '{"query":"{ b }"}' }, now)],
    ['another request id', () => verifyGatewaySignature(KEY, signGatewayRequest(KEY, request, now), { ...request, requestId: 'req-2' }, now)],
    ['an id moved into the body', () => verifyGatewaySignature(KEY, signGatewayRequest(KEY, { requestId: 'a', body: 'b\nc' }, now), { requestId: 'a\nb', body: 'c' }, now)],
    ['an old signature', () => verifyGatewaySignature(KEY, signGatewayRequest(KEY, request, now - SIGNATURE_WINDOW_MS - 1), request, now)],
    ['a signature from the future', () => verifyGatewaySignature(KEY, signGatewayRequest(KEY, request, now + SIGNATURE_WINDOW_MS + 1), request, now)],
    ['a changed timestamp', () => verifyGatewaySignature(KEY, signGatewayRequest(KEY, request, now).replace(/^t=\d+/, `t=${now + 1}`), request, now)],
    ['no header', () => verifyGatewaySignature(KEY, undefined, request, now)],
    ['a malformed header', () => verifyGatewaySignature(KEY, 'v1=abc', request, now)],
  ])('refuses %s', (_case, verify) => {
    expect(verify()).toBe(false);
  });
});

describe("a platform service's signature", () => {
  const signed = (service: string, at = now) => {
    const headers = serviceRequestHeaders(KEY, service, request, at);
    return { service: headers[SERVICE_HEADER], signature: headers[SERVICE_SIGNATURE_HEADER] };
  };

  it('names the service that signed, within the window', () => {
    expect(verifiedService(KEY, signed('statistics'), request, now + SIGNATURE_WINDOW_MS)).toBe('statistics');
  });

  it.each([
    ['another key', () => verifiedService(`${KEY}!`, signed('statistics'), request, now)],
    ['another body', () => verifiedService(KEY, signed('statistics'), { ...request, body: '{"query":"{ b }"}' }, now)],
    ['another name than the one signed', () => verifiedService(KEY, { ...signed('volunteers'), service: 'statistics' }, request, now)],
    ["the gateway's signature", () => verifiedService(KEY, { service: 'statistics', signature: signGatewayRequest(KEY, request, now) }, request, now)],
    ['an old signature', () => verifiedService(KEY, signed('statistics', now - SIGNATURE_WINDOW_MS - 1), request, now)],
    ['no name', () => verifiedService(KEY, { ...signed('statistics'), service: undefined }, request, now)],
  ])('refuses %s', (_case, verify) => {
    expect(verify()).toBeNull();
  });

  it('never passes for the gateway’s', () => {
    expect(verifyGatewaySignature(KEY, signed('statistics').signature, request, now)).toBe(false);
  });
});
