export interface GraphqlResponse<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface GraphqlRequestOptions {
  variables?: Record<string, unknown>;
  token?: string;
  headers?: Record<string, string>;
}

/** Posts one GraphQL operation, as a frontend would. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function graphqlRequest<Data = any>(
  url: string,
  query: string,
  options: GraphqlRequestOptions = {},
): Promise<GraphqlResponse<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.json()) as Omit<GraphqlResponse<Data>, 'status'>;
  return { status: response.status, ...body };
}
