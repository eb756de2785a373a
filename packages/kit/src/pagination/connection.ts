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

/**
 * What one part of a cursor's sort key must be, so a forged cursor is refused
 * before it reaches SQL (where a value the column's type cannot hold would
 * be a database error): `integer` a 32-bit integer, `bigint` a 64-bit one
 * written as a string, `text` a string PostgreSQL can store, `id` a UUID,
 * `instant` a timestamp as `Date.toISOString()` writes it, `date` a
 * calendar date (YYYY-MM-DD).
 */
export type CursorPart = 'integer' | 'bigint' | 'text' | 'id' | 'instant' | 'date';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BIGINT = /^-?\d{1,19}$/;
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
// PostgreSQL has no year 0, and four digits are all any list here holds.
const DATE = /^(?!0000)\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_CURSOR_LENGTH = 1000;

/** A date or instant that names a real day: `2026-02-30` parses in JavaScript (as 2 March) but not in PostgreSQL. */
const sameWhenReprinted = (value: string, iso: string) => {
  const time = Date.parse(iso);
  return Number.isFinite(time) && new Date(time).toISOString().startsWith(value.slice(0, 10)) && (value.length === 10 || new Date(time).toISOString() === value);
};

const fits: Record<CursorPart, (value: unknown) => boolean> = {
  integer: (value) => Number.isInteger(value) && (value as number) >= -2_147_483_648 && (value as number) <= 2_147_483_647,
  bigint: (value) => typeof value === 'string' && BIGINT.test(value) && BigInt(value) >= INT64.min && BigInt(value) <= INT64.max,
  text: (value) => typeof value === 'string' && !value.includes('\u0000') && !LONE_SURROGATE.test(value),
  id: (value) => typeof value === 'string' && UUID.test(value),
  instant: (value) => typeof value === 'string' && INSTANT.test(value) && sameWhenReprinted(value, value),
  date: (value) => typeof value === 'string' && DATE.test(value) && sameWhenReprinted(value, `${value}T00:00:00.000Z`),
};

function decodeCursor(cursor: string, shape: readonly CursorPart[]): unknown[] {
  if (cursor.length <= MAX_CURSOR_LENGTH) {
    try {
      const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (Array.isArray(value) && value.length === shape.length && shape.every((part, index) => fits[part](value[index]))) {
        return value;
      }
    } catch {
      // reported below
    }
  }
  throw badUserInput('after', 'not a cursor returned by this list');
}

/**
 * Validates `first` and decodes `after`; bad values are BAD_USER_INPUT naming
 * the argument. `shape` is the list's sort key, part by part, as its cursors
 * carry it: required, so that no list can take a forged cursor to SQL.
 */
export function readPage(args: { first?: number | null; after?: string | null }, shape: readonly CursorPart[]): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput('first', `must be between 0 and ${MAX_PAGE_SIZE} (got ${first})`);
  }
  return { first, after: args.after == null ? null : decodeCursor(args.after, shape) };
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
