import { RegionDashboardDocument } from './generated/graphql';
import { documentHash, request, ShequGraphQLError } from './request';

/** A fetch that records what it was sent and answers `answer`. */
function recordingFetch(answer: unknown, status = 200) {
  const sent: { url: string; init: RequestInit }[] = [];
  const fake = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { fake, sent };
}

describe('request', () => {
  it('sends a registered document by its id alone, with the token, and returns the data', async () => {
    const { fake, sent } = recordingFetch({ data: { region: null } });
    const data = await request(RegionDashboardDocument, { code: '620100' }, { url: 'http://gateway/graphql', token: 't0ken', fetch: fake });
    expect(data).toEqual({ region: null });
    const body = JSON.parse(String(sent[0].init.body));
    expect(body).toEqual({ documentId: documentHash(RegionDashboardDocument as never), variables: { code: '620100' } });
    expect(body.documentId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((sent[0].init.headers as Record<string, string>).authorization).toBe('Bearer t0ken');
  });

  it('sends the text when asked not to use ids', async () => {
    const { fake, sent } = recordingFetch({ data: { region: null } });
    await request(RegionDashboardDocument, {}, { url: 'http://gateway/graphql', persisted: false, fetch: fake });
    const body = JSON.parse(String(sent[0].init.body));
    expect(body.query).toMatch(/^query RegionDashboard/);
    expect(body.documentId).toBeUndefined();
    expect((sent[0].init.headers as Record<string, string>).authorization).toBeUndefined();
  });

  it('throws the answer’s errors with their code', async () => {
    const { fake } = recordingFetch({ errors: [{ message: 'region 629900 does not exist', extensions: { code: 'NOT_FOUND' } }], data: null });
    const failure = await request(RegionDashboardDocument, { code: '629900' }, { url: 'http://gateway/graphql', fetch: fake }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ShequGraphQLError);
    expect((failure as ShequGraphQLError).code).toBe('NOT_FOUND');
    expect((failure as ShequGraphQLError).message).toBe('NOT_FOUND: region 629900 does not exist');
  });
});
