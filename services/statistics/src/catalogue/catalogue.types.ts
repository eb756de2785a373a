import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { INDICATORS } from './indicator-catalogue';

/** The catalogue's ids as a GraphQL enum: one value per indicator. */
export const IndicatorId: Record<string, string> = Object.fromEntries(INDICATORS.map((spec) => [spec.id, spec.id]));
registerEnumType(IndicatorId, {
  name: 'IndicatorId',
  description: 'An indicator of the statistics catalogue (see `indicators` for its labels, unit and definition).',
  valuesConfig: Object.fromEntries(INDICATORS.map((spec) => [spec.id, { description: spec.labelEn }])),
});

export enum IndicatorDirection {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
  NEUTRAL = 'NEUTRAL',
}
registerEnumType(IndicatorDirection, { name: 'IndicatorDirection', description: 'Which way an indicator is better.' });

export enum Department {
  GOVERNANCE = 'GOVERNANCE',
  SERVICE_DELIVERY = 'SERVICE_DELIVERY',
  VOLUNTEERS = 'VOLUNTEERS',
  PUBLIC_SAFETY = 'PUBLIC_SAFETY',
  STATISTICS = 'STATISTICS',
}
registerEnumType(Department, { name: 'Department', description: 'The department that publishes an indicator (STATISTICS: computed by the statistics office from the others).' });

export enum IndicatorMeasurement {
  FLOW = 'FLOW',
  STOCK = 'STOCK',
}
registerEnumType(IndicatorMeasurement, { name: 'IndicatorMeasurement', description: 'FLOW: summed over the period; STOCK: as at the end of the period (the latest snapshot in it).' });

export enum Tier {
  ADVANCED = 'ADVANCED',
  STANDARD = 'STANDARD',
  FOUNDATIONAL = 'FOUNDATIONAL',
}
registerEnumType(Tier, { name: 'Tier' });

@ObjectType({ description: 'An indicator of the catalogue.' })
export class IndicatorDefinition {
  @Field(() => IndicatorId)
  id: string;

  @Field()
  labelZh: string;

  @Field()
  labelEn: string;

  @Field({ description: 'The unit, in English.' })
  unit: string;

  @Field({ description: 'The unit, in Chinese.' })
  unitZh: string;

  @Field(() => IndicatorDirection)
  direction: IndicatorDirection;

  @Field(() => Department)
  department: Department;

  @Field(() => IndicatorMeasurement)
  measurement: IndicatorMeasurement;

  @Field({ description: 'How the figure is computed, in English.' })
  definition: string;

  @Field({ description: 'How the figure is computed, in Chinese.' })
  definitionZh: string;

  @Field({ description: 'Only some roles may see it (see roles).' })
  restricted: boolean;

  @Field(() => [String], { description: 'Roles that may see it, within their jurisdiction; empty = everyone, anonymous included. department_staff means staff of the publishing department.' })
  roles: string[];
}

@ObjectType({ description: 'The Chinese and English label of one enum value.' })
export class EnumValueLabel {
  @Field()
  enum: string;

  @Field()
  value: string;

  @Field()
  labelZh: string;

  @Field()
  labelEn: string;
}
