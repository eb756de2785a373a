import type { GatewayPlugin } from '@graphql-hive/gateway';

/**
 * The platform gateway's MAX_BODY_BYTES: a request declaring a larger body
 * gets 413 before it is read. Hive Gateway has no such option; a chunked
 * body without Content-Length is not measured here (the token limit still
 * bounds the document, and the ingress should bound the rest).
 */
export function boundedRequestSize(maxBodyBytes: number): GatewayPlugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const declared = Number(request.headers.get('content-length') ?? 0);
      if (declared > maxBodyBytes) {
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message: `request body is ${declared} bytes, over the limit of ${maxBodyBytes}`, extensions: { code: 'BAD_REQUEST' } }] }), {
            status: 413,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }
    },
  };
}
