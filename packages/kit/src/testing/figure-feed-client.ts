import { FIGURE_BLOCK_SELECTION, FIGURE_PAGE_SELECTION, type FigureBlock } from '../statistics/figure-feed.types';
import { graphqlRequest, type GraphqlResponse } from './graphql-client';

/** A feed page as a test reads it. */
export interface FeedPage {
  measures: string[];
  rows: { communityCode: string; values: (number | null)[] }[];
  samples: { communityCode: string; measure: string; value: number; count: number }[];
  members: { communityCode: string; measure: string; member: string }[];
  nextCursor: string | null;
}


/** One page of `<prefix>Figures`, with the raw response for error checks. */
export async function figurePage(url: string, fieldPrefix: string, args: { month?: string; after?: string; through?: string; first?: number }, token?: string): Promise<GraphqlResponse<Record<string, FeedPage>>> {
  return graphqlRequest(url, `query ($month: String, $after: String, $through: String, $first: Int) { page: ${fieldPrefix}Figures(month: $month, after: $after, through: $through, first: $first) { ${FIGURE_PAGE_SELECTION} } }`, {
    variables: { month: args.month, after: args.after, through: args.through, first: args.first ?? 5000 },
    token,
  });
}

/** Every page of `<prefix>Figures` for a month (or the stocks), followed cursor by cursor and concatenated. */
export async function wholeFeed(url: string, fieldPrefix: string, month: string | undefined, token: string, first = 5000): Promise<FeedPage & { pages: number }> {
  const whole: FeedPage & { pages: number } = { measures: [], rows: [], samples: [], members: [], nextCursor: null, pages: 0 };
  let after: string | undefined;
  do {
    const response = await figurePage(url, fieldPrefix, { month, after, first }, token);
    if (response.errors) {
      throw new Error(JSON.stringify(response.errors));
    }
    const page = (response.data as Record<string, FeedPage>).page as FeedPage;
    whole.measures = page.measures;
    whole.rows.push(...page.rows);
    whole.samples.push(...page.samples);
    whole.members.push(...page.members);
    whole.pages += 1;
    after = page.nextCursor ?? undefined;
  } while (after);
  return whole;
}

/** A page's rows as community code → measure → value. */
export function valuesByCommunity(page: Pick<FeedPage, 'measures' | 'rows'>): Record<string, Record<string, number | null>> {
  return Object.fromEntries(page.rows.map((row) => [row.communityCode, Object.fromEntries(page.measures.map((measure, index) => [measure, row.values[index] ?? null]))]));
}

/** `<prefix>FigureMonths`. */
export async function figureMonths(url: string, fieldPrefix: string, token: string): Promise<{ month: string; rows: number; fingerprint: string }[]> {
  const response = await graphqlRequest(url, `{ months: ${fieldPrefix}FigureMonths { month rows fingerprint } }`, { token });
  if (response.errors) {
    throw new Error(JSON.stringify(response.errors));
  }
  return response.data.months;
}

/** `<prefix>FigureBlock`, with the raw response for error checks. */
export async function figureBlock(url: string, fieldPrefix: string, args: { months: string[]; after?: string; through?: string }, token?: string): Promise<GraphqlResponse<{ block: FigureBlock }>> {
  return graphqlRequest(url, `query ($months: [String!]!, $after: String, $through: String) { block: ${fieldPrefix}FigureBlock(months: $months, after: $after, through: $through) { ${FIGURE_BLOCK_SELECTION} } }`, {
    variables: args,
    token,
  });
}

/** A block's rows as "month community" → measure → value. */
export function blockValues(block: Pick<FigureBlock, 'measures' | 'rows'>): Record<string, Record<string, number | null>> {
  const width = block.measures.length;
  return Object.fromEntries(
    block.rows.month.map((month, row) => [`${month} ${block.rows.communityCode[row]}`, Object.fromEntries(block.measures.map((measure, index) => [measure, block.rows.values[row * width + index] ?? null]))]),
  );
}
