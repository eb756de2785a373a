import { defineModule } from '@shequ/kit';
import { Inspection, InspectionHazard } from './inspection.entity';
import { createInspectionLoaders } from './inspection.loader';
import { InspectionResolver } from './inspection.resolver';

/** Safety inspections and the hazards they find, until fixed. */
export const inspectionsModule = defineModule({ name: 'inspections', entities: [Inspection, InspectionHazard], resolvers: [InspectionResolver], loaders: createInspectionLoaders });
