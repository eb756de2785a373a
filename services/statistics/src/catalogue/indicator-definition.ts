import { Department, IndicatorDirection, IndicatorMeasurement, type IndicatorDefinition } from './catalogue.types';
import type { IndicatorSpec } from './indicator-spec';

export function definitionOf(spec: IndicatorSpec): IndicatorDefinition {
  return {
    id: spec.id,
    labelZh: spec.labelZh,
    labelEn: spec.labelEn,
    unit: spec.unit,
    unitZh: spec.unitZh,
    direction: spec.direction as IndicatorDirection,
    department: spec.department as Department,
    measurement: spec.measurement as IndicatorMeasurement,
    definition: spec.definition,
    definitionZh: spec.definitionZh,
    restricted: !!spec.access,
    roles: [...(spec.access?.roles ?? [])],
  };
}
