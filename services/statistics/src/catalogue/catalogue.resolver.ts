import { Arg, Query, Resolver } from 'type-graphql';
import { Department, EnumValueLabel, IndicatorDefinition } from './catalogue.types';
import { ENUM_LABELS } from './enum-labels';
import { INDICATORS } from './indicator-catalogue';
import { definitionOf } from './indicator-definition';

@Resolver()
export class CatalogueResolver {
  @Query(() => [IndicatorDefinition], { description: 'The indicator catalogue (public), optionally of one department.' })
  indicators(@Arg('department', () => Department, { nullable: true }) department?: Department | null): IndicatorDefinition[] {
    return INDICATORS.filter((spec) => !department || spec.department === department).map(definitionOf);
  }

  @Query(() => [EnumValueLabel], { description: 'Chinese and English labels of every enum value an analyst meets in the graph (public), optionally of one enum.' })
  enumLabels(@Arg('enum', () => String, { nullable: true }) name?: string | null): EnumValueLabel[] {
    return ENUM_LABELS.filter((label) => !name || label.enum === name);
  }
}
