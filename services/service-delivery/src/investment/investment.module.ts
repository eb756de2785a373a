import { defineModule } from '@shequ/kit';
import { ServiceInvestment } from './service-investment.entity';
import { ServiceInvestmentResolver } from './service-investment.resolver';

/** Investment in community services, by source. */
export const investmentModule = defineModule({
  name: 'investment',
  entities: [ServiceInvestment],
  resolvers: [ServiceInvestmentResolver],
});
