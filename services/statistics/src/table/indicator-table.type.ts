import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '@shequ/kit';
import { IndicatorDefinition, IndicatorId, Tier } from '../catalogue/catalogue.types';
import { PeriodKindName } from '../periods/period';
import { CommunityReference, RegionReference } from '../community/community.reference';
import { TableLevel } from './indicator-table.input';

registerEnumType(PeriodKindName, { name: 'PeriodKind', description: 'A month, a quarter, a year or twelve months ending a month (China time).' });

@ObjectType({ description: 'A period of whole China months.' })
export class Period {
  @Field(() => PeriodKindName)
  kind: PeriodKindName;

  @Field({ description: '"2026", "2026-Q3", "2026-10" or "2025-12..2026-11".' })
  label: string;

  @Field({ description: 'First China date, YYYY-MM-DD.' })
  first: string;

  @Field({ description: 'Last China date, YYYY-MM-DD.' })
  last: string;
}

@ObjectType({ description: "One indicator's value in a row; a change is value − earlier value, null when either is null." })
export class IndicatorValue {
  @Field(() => IndicatorId)
  indicator: string;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => Float, { nullable: true })
  previousPeriod: number | null;

  @Field(() => Float, { nullable: true })
  changeFromPreviousPeriod: number | null;

  @Field(() => Float, { nullable: true })
  samePeriodLastYear: number | null;

  @Field(() => Float, { nullable: true })
  changeFromSamePeriodLastYear: number | null;
}

@ObjectType({ description: 'A row of the table: a region or a community.' })
export class IndicatorRow {
  @Field(() => Int, { description: 'Position in the sorted table, from 1.' })
  rank: number;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => TableLevel)
  level: TableLevel;

  @Field(() => Tier, { nullable: true, description: 'A community’s tier.' })
  tier: Tier | null;

  @Field(() => RegionReference, { nullable: true })
  region: RegionReference | null;

  @Field(() => CommunityReference, { nullable: true })
  community: CommunityReference | null;

  @Field(() => [IndicatorValue], { description: 'In column order.' })
  values: IndicatorValue[];

  @Field(() => [Float], { nullable: 'items', description: "Each column's value, in column order: `values { value }` without a cell per figure, for reading many rows (an export)." })
  figures: (number | null)[];
}

@ObjectType()
export class IndicatorRowEdge {
  @Field(() => IndicatorRow)
  node: IndicatorRow;

  @Field()
  cursor: string;
}

@ObjectType({ description: 'A page of the indicator table.' })
export class IndicatorTable {
  @Field(() => [IndicatorDefinition])
  columns: IndicatorDefinition[];

  @Field(() => Period)
  period: Period;

  @Field(() => Period, { nullable: true })
  previousPeriod: Period | null;

  @Field(() => Period, { nullable: true })
  samePeriodLastYear: Period | null;

  @Field(() => Date, { nullable: true, description: 'When the store was last refreshed; null if never.' })
  asOf: Date | null;

  @Field(() => Int)
  totalCount: number;

  @Field(() => [IndicatorRowEdge])
  edges: IndicatorRowEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
