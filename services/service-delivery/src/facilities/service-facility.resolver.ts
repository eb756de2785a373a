import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { auditedWrite, authorize, authorizedRecord } from '@shequ/kit';
import { serviceDeliveryPolicy } from '../access-policy';
import type { ServiceDeliveryContext } from '../context';
import { ServiceFacility } from './service-facility.entity';
import { readRegisterFacility, readUpdateFacility, RegisterFacilityInput, UpdateFacilityInput } from './service-facility.input';

@Resolver(() => ServiceFacility)
export class ServiceFacilityResolver {
  @Mutation(() => ServiceFacility, { description: "Adds a facility to a community's register." })
  registerFacility(@Arg('input', () => RegisterFacilityInput) input: RegisterFacilityInput, @Ctx() context: ServiceDeliveryContext): Promise<ServiceFacility> {
    const values = readRegisterFacility(input);
    authorize(serviceDeliveryPolicy, 'registerFacility', context.viewer, values.communityCode);
    return auditedWrite(context, { operation: 'registerFacility', targetType: 'ServiceFacility' }, async (manager) => {
      const saved = await manager.save(manager.create(ServiceFacility, values));
      return { result: saved, targetIds: [saved.id] };
    });
  }

  @Mutation(() => ServiceFacility, { description: "Changes a facility's details or status (CLOSED takes it out of the stats)." })
  updateFacility(@Arg('input', () => UpdateFacilityInput) input: UpdateFacilityInput, @Ctx() context: ServiceDeliveryContext): Promise<ServiceFacility> {
    const { id, changes } = readUpdateFacility(input);
    return auditedWrite(context, { operation: 'updateFacility', targetType: 'ServiceFacility' }, async (manager) => {
      const facility = authorizedRecord(serviceDeliveryPolicy, 'updateFacility', context.viewer, await manager.findOne(ServiceFacility, { where: { id }, lock: { mode: 'pessimistic_write' } }), `facility ${id}`, (row) => ({
        code: row.communityCode,
      }));
      Object.assign(facility, changes);
      return { result: await manager.save(facility), targetIds: [facility.id] };
    });
  }
}
