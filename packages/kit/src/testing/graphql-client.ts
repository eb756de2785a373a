import { GATEWAY_SIGNATURE_HEADER, serviceRequestHeaders, signGatewayRequest } from '../auth/gateway-signature';
import { TEST_SIGNING_KEY } from './test-subgraph';

export interface GraphqlResponse<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface GraphqlRequestOptions {
  variables?: Record<string, unknown>;
  token?: string;
  headers?: Record<string, string>;
  /**
   * Sign the request as the gateway does, with the test signing key, to call
   * a subgraph with what only the gateway may send (representations that
   * carry a `@requires` figure, its own request id).
   */
  asGateway?: boolean;
  /** Sign the request as this platform service's own, with the test signing key (the statistics store reading a feed). */
  asService?: string;
}

/** Posts one GraphQL operation, as a frontend (or, `asGateway`, the gateway) would. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function graphqlRequest<Data = any>(
  url: string,
  query: string,
  options: GraphqlRequestOptions = {},
): Promise<GraphqlResponse<Data>> {
  const body = JSON.stringify({ query, variables: options.variables });
  const requestId = options.headers?.['x-request-id'] ?? '';
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.asGateway ? { [GATEWAY_SIGNATURE_HEADER]: signGatewayRequest(TEST_SIGNING_KEY, { requestId, body }) } : {}),
      ...(options.asService ? serviceRequestHeaders(TEST_SIGNING_KEY, options.asService, { requestId, body }) : {}),
      ...options.headers,
    },
    body,
  });
  const answer = (await response.json()) as Omit<GraphqlResponse<Data>, 'status'>;
  return { status: response.status, ...answer };
}
