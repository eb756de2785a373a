import { defineModule } from '@shequ/kit';
import { IndicatorTableResolver } from './indicator-table.resolver';

/** The indicator table: rows of any level, filtered, sorted and paged. */
export const tableModule = defineModule({ name: 'table', resolvers: [IndicatorTableResolver] });
