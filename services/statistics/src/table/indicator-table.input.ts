import { Field, Float, InputType, Int, registerEnumType } from 'type-graphql';
import { IndicatorId, Tier } from '../catalogue/catalogue.types';

export enum TableLevel {
  PROVINCE = 'PROVINCE',
  PREFECTURE = 'PREFECTURE',
  COUNTY = 'COUNTY',
  STREET = 'STREET',
  COMMUNITY = 'COMMUNITY',
}
registerEnumType(TableLevel, { name: 'TableLevel', description: 'The level whose rows a table lists.' });

export enum PeriodComparison {
  PREVIOUS_PERIOD = 'PREVIOUS_PERIOD',
  SAME_PERIOD_LAST_YEAR = 'SAME_PERIOD_LAST_YEAR',
}
registerEnumType(PeriodComparison, { name: 'PeriodComparison' });

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

@InputType({ description: 'Exactly one of month ("2026-10"), quarter ("2026-Q3"), year (2026) or twelveMonthsEnding ("2026-11"); none = the 12 months ending the current China month.' })
export class PeriodInput {
  @Field(() => String, { nullable: true })
  month?: string | null;

  @Field(() => String, { nullable: true })
  quarter?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true })
  twelveMonthsEnding?: string | null;
}

@InputType({ description: "A condition on an indicator's value in the period; every bound given must hold." })
export class IndicatorCondition {
  @Field(() => IndicatorId)
  indicator: string;

  @Field(() => Float, { nullable: true })
  gt?: number | null;

  @Field(() => Float, { nullable: true })
  gte?: number | null;

  @Field(() => Float, { nullable: true })
  lt?: number | null;

  @Field(() => Float, { nullable: true })
  lte?: number | null;

  @Field(() => [Float], { nullable: true, description: 'Two values: from and to, both included.' })
  between?: number[] | null;

  @Field(() => [Float], { nullable: true })
  in?: number[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only rows without a value; false: only rows with one.' })
  isNull?: boolean | null;
}

@InputType()
export class IndicatorSort {
  @Field(() => IndicatorId)
  indicator: string;

  @Field(() => SortOrder, { defaultValue: SortOrder.DESC })
  order: SortOrder;
}

@InputType({ description: 'What an indicator table lists.' })
export class IndicatorTableInput {
  @Field(() => TableLevel)
  level: TableLevel;

  @Field(() => [String], { nullable: true, description: 'Region codes whose rows (at `level`, inside them) are listed; default ["620000"].' })
  within?: string[] | null;

  @Field(() => [IndicatorId], { description: 'The columns, in order (1–60).' })
  indicators: string[];

  @Field(() => [IndicatorCondition], { nullable: true, description: 'Conditions that must all hold.' })
  where?: IndicatorCondition[] | null;

  @Field(() => [Tier], { nullable: true, description: 'Communities of these tiers only; region rows are aggregated over those communities only.' })
  tiers?: Tier[] | null;

  @Field(() => IndicatorSort, { nullable: true, description: 'Default: by code ascending. Ties are always by code ascending; rows without a value come last either way.' })
  sort?: IndicatorSort | null;

  @Field(() => PeriodInput, { nullable: true })
  period?: PeriodInput | null;

  @Field(() => [PeriodComparison], { nullable: true })
  compare?: PeriodComparison[] | null;
}
