import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { auditedWrite, authorize } from '@shequ/kit';
import { serviceDeliveryPolicy } from '../access-policy';
import type { ServiceDeliveryContext } from '../context';
import { ServiceInvestment } from './service-investment.entity';
import { readInvestment, RecordInvestmentInput } from './service-investment.input';

@Resolver(() => ServiceInvestment)
export class ServiceInvestmentResolver {
  @Mutation(() => ServiceInvestment, { description: 'Records money put into a community\'s services in a year from one source.' })
  recordInvestment(@Arg('input', () => RecordInvestmentInput) input: RecordInvestmentInput, @Ctx() context: ServiceDeliveryContext): Promise<ServiceInvestment> {
    const values = readInvestment(input);
    authorize(serviceDeliveryPolicy, 'recordInvestment', context.viewer, values.communityCode);
    return auditedWrite(context, { operation: 'recordInvestment', targetType: 'ServiceInvestment' }, async (manager) => {
      const saved = await manager.save(manager.create(ServiceInvestment, values));
      return { result: saved, targetIds: [saved.id] };
    });
  }
}
