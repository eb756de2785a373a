import { defineModule } from '@shequ/kit';
import { IndicatorTrendResolver } from './indicator-trend.resolver';

/** Any indicator over months, quarters or years. */
export const trendsModule = defineModule({ name: 'trends', resolvers: [IndicatorTrendResolver] });
