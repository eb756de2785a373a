import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badUserInput } from '../errors/graphql-errors';

/** DESIGN: lists are Relay connections and `first` is at most 100. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@Directive('@shareable')
@ObjectType({ description: 'Where a page sits in its list (Relay).' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` for a node type. `shareable`
 * marks both @shareable, for a connection that several subgraphs declare
 * identically (the node type must be shareable too).
 */
export function ConnectionType<T extends object>(name: string, nodeType: ClassType<T>, options: { shareable?: boolean } = {}): ClassType<Connection<T>> {
  const shareable: ClassDecorator = options.shareable ? Directive('@shareable') : () => undefined;

  @shareable
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => nodeType)
    node: T;

    @Field({ description: 'Pass as `after` to read the items that follow this one.' })
    cursor: string;
  }

  @shareable
  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Items in the whole list, across every page.' })
    totalCount: number;
  }
  return ConnectionClass;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `How many items, at most ${MAX_PAGE_SIZE}.` })
  first: number;

  @Field(() => String, { nullable: true, description: 'A cursor from a previous page: the list continues after it.' })
  after?: string | null;
}

/** A validated page request; `after` holds the sort key values the cursor carried. */
export interface PageRequest {
  first: number;
  after: unknown[] | null;
}

export function encodeCursor(sortKey: unknown[]): string {
  return Buffer.from(JSON.stringify(sortKey)).toString('base64url');
}

/** What one part of a cursor's sort key must be, so a forged cursor is refused before it reaches SQL. */
export type CursorPart = 'number' | 'text' | 'id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const fits: Record<CursorPart, (value: unknown) => boolean> = {
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  text: (value) => typeof value === 'string',
  id: (value) => typeof value === 'string' && UUID.test(value),
};

function decodeCursor(cursor: string, shape?: readonly CursorPart[]): unknown[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const scalars = Array.isArray(value) && value.length > 0 && value.every((part) => fits.number(part) || fits.text(part));
    if (scalars && (!shape || (value.length === shape.length && shape.every((part, index) => fits[part](value[index]))))) {
      return value;
    }
  } catch {
    // reported below
  }
  throw badUserInput('after', 'not a cursor returned by this list');
}

/** Validates `first` and decodes `after`; bad values are BAD_USER_INPUT naming the argument. */
export function readPage(args: { first?: number | null; after?: string | null }, shape?: readonly CursorPart[]): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput('first', `must be between 0 and ${MAX_PAGE_SIZE} (got ${first})`);
  }
  return { first, after: args.after ? decodeCursor(args.after, shape) : null };
}

/**
 * Builds a connection from rows read with `LIMIT first + 1`: the extra row,
 * when present, only tells that another page follows.
 */
export function toConnection<T>(
  rows: T[],
  page: PageRequest,
  totalCount: number,
  sortKeyOf: (row: T) => unknown[],
): Connection<T> {
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(sortKeyOf(node)) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
