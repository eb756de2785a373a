import { Arg, Authorized, Ctx, Int, Query, Resolver, type ClassType } from 'type-graphql';
import { assertCommunityCode, significantPrefix } from '../codes/division-codes';
import { badUserInput } from '../errors/graphql-errors';
import { Weight } from '../schema/weight';
import type { SubgraphContext } from '../server/context';
import { FigureBlock, FigureMember, FigureMonth, FigurePage, FigureRow, FigureSample } from './figure-feed.types';
import { figureBlockRowsSql, figureBlockSamplesSql, figureMembersSql, figureMonthsSql, figureRowsSql, figureSamplesSql, monthWindow, type CodeRange, type FigurePart } from './figure-feed.sql';

/** How a department publishes its feed: its field prefix, and where its flows and stocks come from. */
export interface FigureFeedDefinition {
  /** `serviceDelivery` → `serviceDeliveryFigureMonths`, `serviceDeliveryFigures`. */
  fieldPrefix: string;
  /** The department, as the fields' descriptions name it ("the <department> department"). */
  department: string;
  /** The flows by China month; absent when the department has none (its months are then always empty). Built per request: windows move with the clock. */
  flows?: () => FigurePart;
  /** The stocks as of now; built per request. */
  stocks: () => FigurePart;
  /** `@Weight` of a page and of the month list, measured at province scale. */
  weights: { page: number; months: number };
}

export const DEFAULT_FIGURE_PAGE_SIZE = 5000;
/** The month list's statement timeout: ten times a question's, for a history ten times the province's. */
export const FIGURE_MONTHS_TIMEOUT_MS = 120_000;
export const MAX_FIGURE_PAGE_SIZE = 10_000;
/** A block's most months: ten years. */
export const MAX_BLOCK_MONTHS = 120;
/** A block's most rows (community-months); a block holding more is refused, to be asked again narrower. */
export const MAX_BLOCK_ROWS = 200_000;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function readMonth(month: string | null | undefined): string | null {
  if (month == null) {
    return null;
  }
  if (!MONTH.test(month) || month < '1949-10') {
    throw badUserInput('month', `expected a China month as YYYY-MM, e.g. 2026-10 (got ${JSON.stringify(month.slice(0, 40))})`);
  }
  return month;
}

/** A block's months: 1 to MAX_BLOCK_MONTHS China months, each once, returned sorted. */
function readMonths(months: string[]): string[] {
  if (months.length === 0 || months.length > MAX_BLOCK_MONTHS) {
    throw badUserInput('months', `expected 1 to ${MAX_BLOCK_MONTHS} China months (got ${months.length})`);
  }
  const wrong = months.find((month) => !MONTH.test(month) || month < '1949-10');
  if (wrong !== undefined) {
    throw badUserInput('months', `expected China months as YYYY-MM, e.g. 2026-10 (got ${JSON.stringify(wrong.slice(0, 40))})`);
  }
  const checked = [...months];
  if (new Set(checked).size !== checked.length) {
    throw badUserInput('months', 'each month may be asked once');
  }
  return checked.sort();
}

function readFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIGURE_PAGE_SIZE) {
    throw badUserInput('first', `must be between 1 and ${MAX_FIGURE_PAGE_SIZE} (got ${first})`);
  }
  return first;
}

/** The codes the caller may read from `after` up to `through` (each null: from the start, to the end): within its jurisdiction's communities, as an exclusive lower and inclusive upper bound. */
function jurisdictionRange(context: SubgraphContext, after: string | null, through: string | null): CodeRange {
  const prefix = significantPrefix((context.viewer as NonNullable<SubgraphContext['viewer']>).jurisdiction);
  // No code equals a prefix or its prefix followed by ':', which sorts after every digit.
  const end = `${prefix}:`;
  return { after: after && after > prefix ? after : prefix, through: through !== null && through < end ? through : end };
}

/** `after` and `through` as a caller gives them: community codes, or null. */
function readRange(context: SubgraphContext, after: string | null, through: string | null): CodeRange {
  return jurisdictionRange(context, after == null ? null : assertCommunityCode(after, 'after'), through == null ? null : assertCommunityCode(through, 'through'));
}

/** Reads one block of a part's flows: the months' rows of the range, and their samples, in two statements. */
export async function readFigureBlock(context: SubgraphContext, part: FigurePart, months: string[], range: CodeRange): Promise<FigureBlock> {
  const parameters = [range.after, range.through, months];
  const samplesSql = figureBlockSamplesSql(part, months);
  const [rows, samples] = await Promise.all([
    context.dataSource.query(figureBlockRowsSql(part, months, MAX_BLOCK_ROWS + 1), parameters) as Promise<Record<string, string | number | null>[]>,
    samplesSql ? (context.dataSource.query(samplesSql, parameters) as Promise<{ month: string; community_code: string; measure: string; value: number; count: number }[]>) : [],
  ]);
  if (rows.length > MAX_BLOCK_ROWS) {
    throw badUserInput('through', `the block holds more than ${MAX_BLOCK_ROWS} community-months: ask fewer communities or fewer months`);
  }
  return {
    measures: [...part.measures],
    rows: {
      month: rows.map((row) => row.month as string),
      communityCode: rows.map((row) => row.community_code as string),
      values: rows.flatMap((row) => part.measures.map((_, index) => (row[`m${index}`] == null ? null : Number(row[`m${index}`])))),
    },
    samples: {
      month: samples.map((sample) => sample.month),
      communityCode: samples.map((sample) => sample.community_code),
      measure: samples.map((sample) => sample.measure),
      value: samples.map((sample) => Number(sample.value)),
      count: samples.map((sample) => sample.count),
    },
  };
}

/** Reads one page of a part: its rows, then the samples and members of the codes those rows span. */
export async function readFigurePage(context: SubgraphContext, part: FigurePart, month: string | null, range: CodeRange, first: number): Promise<FigurePage> {
  const window = month ? monthWindow(month) : null;
  const rows: Record<string, string | number | null>[] = await context.dataSource.query(figureRowsSql(part, window, first + 1), [range.after, range.through]);
  const more = rows.length > first;
  const pageRows = rows.slice(0, first);
  const nextCursor = more ? (pageRows[pageRows.length - 1]?.community_code as string) : null;
  // The page covers every code after `after` up to its last row (to the end on the last page), so each sample and member is on exactly one page.
  const covered = [range.after, nextCursor ?? range.through];
  const samplesSql = figureSamplesSql(part, window);
  const membersSql = figureMembersSql(part);
  const [samples, members] = await Promise.all([
    samplesSql ? (context.dataSource.query(samplesSql, covered) as Promise<FigureSample[]>) : [],
    membersSql ? (context.dataSource.query(membersSql, covered) as Promise<{ community_code: string; measure: string; member: string }[]>) : [],
  ]);
  return {
    measures: [...part.measures],
    rows: pageRows.map(
      (row): FigureRow => ({
        communityCode: row.community_code as string,
        values: part.measures.map((_, index) => (row[`m${index}`] == null ? null : Number(row[`m${index}`]))),
      }),
    ),
    samples: (samples as unknown as { community_code: string; measure: string; value: number; count: number }[]).map((sample) => ({
      communityCode: sample.community_code,
      measure: sample.measure,
      value: Number(sample.value),
      count: sample.count,
    })),
    members: members.map((member): FigureMember => ({ communityCode: member.community_code, measure: member.measure, member: member.member })),
    nextCursor,
  };
}

/**
 * A department's statistics feed as a resolver class for `defineSubgraph`:
 * `<prefix>FigureMonths` (each China month with flows and its fingerprint)
 * and `<prefix>Figures(month, after, first)` (a month's flows, or the stocks
 * as of now, a page of communities at a time in code order). Analysts and
 * admins only; the caller's jurisdiction limits the communities. The
 * department writes only where its figures come from (`FigurePart`).
 */
export function defineFigureFeed(definition: FigureFeedDefinition): ClassType {
  const emptyPage = (): FigurePage => ({ measures: [], rows: [], samples: [], members: [], nextCursor: null });

  @Resolver()
  class FigureFeedResolver {
    @Authorized('analyst')
    @Weight(definition.weights.months)
    @Query(() => [FigureMonth], {
      name: `${definition.fieldPrefix}FigureMonths`,
      description: `Analysts and admins: every China month holding a flow of the ${definition.department} department, oldest first, with the communities that have one and a fingerprint that changes exactly when the month's figures do.`,
    })
    async figureMonths(@Ctx() context: SubgraphContext): Promise<FigureMonth[]> {
      if (!definition.flows) {
        return [];
      }
      const range = jurisdictionRange(context, null, null);
      const sql = figureMonthsSql(definition.flows());
      return context.dataSource.transaction(async (manager) => {
        // Every fact of the department's history, read by the statistics refresh (not a person waiting): allowed longer than a question.
        await manager.query(`SET LOCAL statement_timeout = ${FIGURE_MONTHS_TIMEOUT_MS}`);
        return manager.query(sql, [range.after, range.through]);
      });
    }

    @Authorized('analyst')
    @Weight(definition.weights.months)
    @Query(() => FigureBlock, {
      name: `${definition.fieldPrefix}FigureBlock`,
      description: `Analysts and admins: the ${definition.department} department's flows of several China months (\`months\`: "YYYY-MM", at most ${MAX_BLOCK_MONTHS}) for the communities after \`after\` up to \`through\` (both community codes, both optional), within the caller's jurisdiction, in one answer of at most ${MAX_BLOCK_ROWS} rows. The statistics refresh reads a department's changed months this way, a range of communities at a time, so that each fact is read once however many months changed.`,
    })
    async figureBlock(
      @Ctx() context: SubgraphContext,
      @Arg('months', () => [String], { description: 'China months, "YYYY-MM", each once.' }) months: string[],
      @Arg('after', () => String, { nullable: true, description: 'The block starts after this community code; omitted: at the start of the jurisdiction.' }) after: string | null,
      @Arg('through', () => String, { nullable: true, description: 'The block ends with this community code; omitted: at the end of the jurisdiction.' }) through: string | null,
    ): Promise<FigureBlock> {
      const checkedMonths = readMonths(months);
      const range = readRange(context, after, through);
      if (!definition.flows) {
        return { measures: [], rows: { month: [], communityCode: [], values: [] }, samples: { month: [], communityCode: [], measure: [], value: [], count: [] } };
      }
      return readFigureBlock(context, definition.flows(), checkedMonths, range);
    }

    @Authorized('analyst')
    @Weight(definition.weights.page)
    @Query(() => FigurePage, {
      name: `${definition.fieldPrefix}Figures`,
      description: `Analysts and admins: the ${definition.department} department's figures per community, in code order within the caller's jurisdiction — a China month's flows (\`month\`: "YYYY-MM"), or the stocks as of now (no \`month\`). See the service README for each measure's definition.`,
    })
    async figures(
      @Ctx() context: SubgraphContext,
      @Arg('month', () => String, { nullable: true, description: 'A China month, "YYYY-MM"; omitted: the stocks as of now.' }) month: string | null,
      @Arg('after', () => String, { nullable: true, description: 'The nextCursor of the previous page (a community code).' }) after: string | null,
      @Arg('first', () => Int, { defaultValue: DEFAULT_FIGURE_PAGE_SIZE, description: `Communities per page, 1–${MAX_FIGURE_PAGE_SIZE}.` }) first: number,
      @Arg('through', () => String, {
        nullable: true,
        description: 'The last community code to read (the pages end there); omitted: the end of the jurisdiction. A reader that knows the codes reads ranges of about `first` communities, so that no page sums more than its own.',
      })
      through: string | null,
    ): Promise<FigurePage> {
      const checkedMonth = readMonth(month);
      const size = readFirst(first);
      const range = readRange(context, after, through);
      if (checkedMonth && !definition.flows) {
        return emptyPage();
      }
      const part = checkedMonth ? (definition.flows as () => FigurePart)() : definition.stocks();
      return readFigurePage(context, part, checkedMonth, range, size);
    }
  }
  return FigureFeedResolver;
}
