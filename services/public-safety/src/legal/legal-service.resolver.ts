import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { auditedWrite, authorize } from '@shequ/kit';
import { publicSafetyPolicy } from '../access-policy';
import type { PublicSafetyContext } from '../context';
import { LegalService } from './legal-service.entity';
import { readRecordLegalService, RecordLegalServiceInput } from './legal-service.input';

@Resolver(() => LegalService)
export class LegalServiceResolver {
  @Mutation(() => LegalService, { description: 'Records a legal education session, consultation or legal-aid case in a community.' })
  recordLegalService(@Arg('input', () => RecordLegalServiceInput) input: RecordLegalServiceInput, @Ctx() context: PublicSafetyContext): Promise<LegalService> {
    const service = readRecordLegalService(input);
    authorize(publicSafetyPolicy, 'recordLegalService', context.viewer, service.communityCode);
    return auditedWrite(context, { operation: 'recordLegalService', targetType: 'LegalService' }, async (manager) => {
      const saved = await manager.save(manager.create(LegalService, service));
      return { result: saved, targetIds: [saved.id] };
    });
  }
}
