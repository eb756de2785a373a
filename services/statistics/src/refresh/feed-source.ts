import { FIGURE_BLOCK_SELECTION, FIGURE_PAGE_SELECTION, type SignedRequest } from '@shequ/kit';
import { FEED_FIELD_PREFIX, type FeedDepartment } from '../catalogue/measures';
import type { AssessmentMethodEntry, DirectoryPage, FigureBlock, FigureMonth, FigurePage } from '../store/feed-page';

/** What the refresh reads from the departments: their published feeds, a page at a time. */
export interface FeedSource {
  figureMonths(department: FeedDepartment): Promise<FigureMonth[]>;
  /** The flows of `months` for the community codes after `after` (null: from the first) up to `through` (null: to the last). */
  figureBlock(department: FeedDepartment, months: string[], after: string | null, through: string | null): Promise<FigureBlock>;
  /** A page of the stocks as of now, after the community code `after` (null: from the start) up to `through` (null: to the end). */
  stocks(department: FeedDepartment, after: string | null, through: string | null): Promise<FigurePage>;
  directory(after: string | null): Promise<DirectoryPage>;
  assessmentMethod(): Promise<AssessmentMethodEntry[]>;
}

/** Opens the department feeds for one refresh (the request id travels with its calls). */
export type FeedFactory = (requestId: string) => FeedSource;

/** The stocks' pages: the feeds' largest, and the refresh's ranges of communities for them. */
export const FEED_PAGE_SIZE = 10_000;


/** Attempts of a feed read that fails before any answer arrives. */
const NETWORK_ATTEMPTS = 3;

/**
 * A feed read is a read: one that failed in transport (a kept-alive
 * connection the department's server closed as the request went out, a
 * restart) is sent again, after a short pause, rather than failing the
 * department's whole refresh. An answer, even an error, is never retried.
 */
export async function withNetworkRetries(send: () => Promise<Response>, pauseMs = 500): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      // fetch rejects with a TypeError only when no answer came (by name: the error may come from another realm).
      if (attempt >= NETWORK_ATTEMPTS || (error as Error | null)?.name !== 'TypeError') {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs * attempt));
    }
  }
}

/** The headers that say who reads a feed: the statistics service's own signature over each request. */
export type FeedCredentials = (request: SignedRequest) => Record<string, string>;

/**
 * The feeds over HTTP: each department subgraph's own /graphql, each request
 * signed as the statistics service's. Only transport lives here; the refresh
 * decides what to read and the store what to write.
 */
export function httpFeedSource(urls: Record<FeedDepartment, string>, credentials: FeedCredentials, requestId = ''): FeedSource {
  async function ask<T>(department: FeedDepartment, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const request = JSON.stringify({ query, variables });
    const send = () =>
      fetch(urls[department], {
        method: 'POST',
        // Signed anew for each attempt: a signature is good for a short window only.
        headers: { 'content-type': 'application/json', ...credentials({ requestId, body: request }), ...(requestId ? { 'x-request-id': requestId } : {}) },
        body: request,
      });
    const response = await withNetworkRetries(send);
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length || !body.data) {
      throw new Error(`the ${department} feed did not answer: ${body.errors?.[0]?.message ?? `HTTP ${response.status}`}`);
    }
    return body.data;
  }
  return {
    async figureMonths(department) {
      const field = `${FEED_FIELD_PREFIX[department]}FigureMonths`;
      const data = await ask<Record<string, FigureMonth[]>>(department, `{ ${field} { month rows fingerprint } }`);
      return data[field];
    },
    async figureBlock(department, months, after, through) {
      const field = `${FEED_FIELD_PREFIX[department]}FigureBlock`;
      const data = await ask<Record<string, FigureBlock>>(
        department,
        `query ($months: [String!]!, $after: String, $through: String) { ${field}(months: $months, after: $after, through: $through) { ${FIGURE_BLOCK_SELECTION} } }`,
        { months, after, through },
      );
      return data[field];
    },
    async stocks(department, after, through) {
      const field = `${FEED_FIELD_PREFIX[department]}Figures`;
      const data = await ask<Record<string, FigurePage>>(
        department,
        `query ($after: String, $through: String) { ${field}(after: $after, through: $through, first: ${FEED_PAGE_SIZE}) { ${FIGURE_PAGE_SELECTION} } }`,
        { after, through },
      );
      return data[field];
    },
    async directory(after) {
      const data = await ask<{ governanceDirectory: DirectoryPage }>(
        'GOVERNANCE',
        `query ($after: String) { governanceDirectory(after: $after, first: ${FEED_PAGE_SIZE}) { entries { code name level parentCode tier } nextCursor } }`,
        { after },
      );
      return data.governanceDirectory;
    },
    async assessmentMethod() {
      const data = await ask<{ assessmentMethod: AssessmentMethodEntry[] }>(
        'GOVERNANCE',
        `{ assessmentMethod { indicator component comparison unit targets { tier target } } }`,
      );
      return data.assessmentMethod;
    },
  };
}
