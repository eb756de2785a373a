export interface Answer {
  status: number;
  headers: Headers;
  data?: unknown;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Posts a GraphQL request body as a client would, with a bearer token when given. */
export async function postGraphql(url: string, body: Record<string, unknown>, options: { token?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as Omit<Answer, 'status' | 'headers'>;
  return { status: response.status, headers: response.headers, ...answer };
}

/** The codes of an answer's errors, in order. */
export function codesOf(answer: Answer): unknown[] {
  return (answer.errors ?? []).map((error) => error.extensions?.code);
}
