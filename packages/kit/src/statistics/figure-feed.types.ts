import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/*
 * The shapes of every department's statistics feed (`<department>FigureMonths`,
 * `<department>Figures`), declared once here and marked @shareable like the
 * audit log's types, so that the four subgraphs compose. The statistics store
 * collects the feeds through the graph and never reads a department's tables.
 */

@Directive('@shareable')
@ObjectType({ description: 'One China month holding any flow of a department.' })
export class FigureMonth {
  @Field({ description: 'The China month, e.g. "2026-10".' })
  month: string;

  @Field(() => Int, { description: 'Facts (source rows, samples included) dated in the month.' })
  rows: number;

  @Field({ description: "A hash of the row versions of the month's facts: it changes whenever a fact of the month is added, changed or removed, and so whenever the month's figures can have changed." })
  fingerprint: string;
}

@Directive('@shareable')
@ObjectType({ description: "One community's figures: its values in the order of FigurePage.measures." })
export class FigureRow {
  @Field()
  communityCode: string;

  @Field(() => [Float], { nullable: 'items', description: 'In the order of FigurePage.measures; null where the measure does not apply (nothing recorded to say).' })
  values: (number | null)[];
}

@Directive('@shareable')
@ObjectType({ description: 'Distribution detail behind a median: `count` facts of the community fell in the bucket `value` (days, as distributionBucket rounds them).' })
export class FigureSample {
  @Field()
  communityCode: string;

  @Field()
  measure: string;

  @Field(() => Float)
  value: number;

  @Field(() => Int)
  count: number;
}

@Directive('@shareable')
@ObjectType({ description: 'A member of a distinct count (e.g. an organisation serving the community), so that a region counts each member once.' })
export class FigureMember {
  @Field()
  communityCode: string;

  @Field()
  measure: string;

  @Field()
  member: string;
}

@Directive('@shareable')
@ObjectType({ description: "One page of a department's figures, ordered by community code." })
export class FigurePage {
  @Field(() => [String], { description: 'snake_case measure names, in a fixed order: the order of every row\'s values.' })
  measures: string[];

  @Field(() => [FigureRow], { description: 'Only communities with something non-zero (flows) or any stock recorded.' })
  rows: FigureRow[];

  @Field(() => [FigureSample], { description: 'The distributions of the communities this page covers (from after `after` up to its last row).' })
  samples: FigureSample[];

  @Field(() => [FigureMember], { description: 'The members of the communities this page covers (from after `after` up to its last row).' })
  members: FigureMember[];

  @Field(() => String, { nullable: true, description: 'Null on the last page; pass as `after` for the next.' })
  nextCursor: string | null;
}

/** Every field of a FigurePage, as a reader of a feed selects it. */
export const FIGURE_PAGE_SELECTION = 'measures rows { communityCode values } samples { communityCode measure value count } members { communityCode measure member } nextCursor';

@Directive('@shareable')
@ObjectType({ description: "A block's flows as parallel lists, one entry per (month, community) with any non-zero flow, in code and then month order." })
export class FigureBlockRows {
  @Field(() => [String], { description: 'The China month of each row, "YYYY-MM".' })
  month: string[];

  @Field(() => [String])
  communityCode: string[];

  @Field(() => [Float], { nullable: 'items', description: "Every row's values one after another: row i's are at i × measures.length … in the order of FigureBlock.measures." })
  values: (number | null)[];
}

@Directive('@shareable')
@ObjectType({ description: "A block's distribution detail as parallel lists: `count` facts of the community and month fell in the bucket `value` of `measure`." })
export class FigureBlockSamples {
  @Field(() => [String])
  month: string[];

  @Field(() => [String])
  communityCode: string[];

  @Field(() => [String])
  measure: string[];

  @Field(() => [Float])
  value: number[];

  @Field(() => [Int])
  count: number[];
}

@Directive('@shareable')
@ObjectType({
  description:
    "A department's flows of several China months for one range of community codes, in one answer: what the statistics refresh collects, a block of communities at a time, so that each fact is read once however many months change. Columnar, so that a block of tens of thousands of rows is a few lists.",
})
export class FigureBlock {
  @Field(() => [String], { description: "snake_case measure names, in the order of each row's values." })
  measures: string[];

  @Field(() => FigureBlockRows)
  rows: FigureBlockRows;

  @Field(() => FigureBlockSamples)
  samples: FigureBlockSamples;
}

/** Every field of a FigureBlock, as a reader of a feed selects it. */
export const FIGURE_BLOCK_SELECTION = 'measures rows { month communityCode values } samples { month communityCode measure value count }';
