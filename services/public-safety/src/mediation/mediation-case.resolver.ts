import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { assertDate, auditedWrite, authorize, authorizedRecord, badUserInput, chinaToday, assertId } from '@shequ/kit';
import { publicSafetyPolicy } from '../access-policy';
import type { PublicSafetyContext } from '../context';
import { MediationCase, MediationOutcome } from './mediation-case.entity';
import { OpenMediationCaseInput, readOpenMediationCase } from './mediation-case.input';

@Resolver(() => MediationCase)
export class MediationCaseResolver {
  @Mutation(() => MediationCase, { description: 'Opens a mediation case for a dispute received in a community.' })
  openMediationCase(@Arg('input', () => OpenMediationCaseInput) input: OpenMediationCaseInput, @Ctx() context: PublicSafetyContext): Promise<MediationCase> {
    const mediation = readOpenMediationCase(input);
    authorize(publicSafetyPolicy, 'openMediationCase', context.viewer, mediation.communityCode);
    return auditedWrite(context, { operation: 'openMediationCase', targetType: 'MediationCase' }, async (manager) => {
      const { id } = await manager.save(manager.create(MediationCase, { ...mediation, outcome: null, closedOn: null }));
      return { result: await manager.findOneByOrFail(MediationCase, { id }), targetIds: [id] };
    });
  }

  @Mutation(() => MediationCase, { description: 'Closes an open mediation case with its outcome; `closedOn` defaults to today. A closed case is final.' })
  closeMediationCase(
    @Arg('id', () => ID) id: string,
    @Arg('outcome', () => MediationOutcome) outcome: MediationOutcome,
    @Ctx() context: PublicSafetyContext,
    @Arg('closedOn', () => String, { nullable: true, description: 'YYYY-MM-DD; today when omitted.' }) closedOn?: string | null,
  ): Promise<MediationCase> {
    assertId(id, 'id');
    const day = closedOn == null ? chinaToday() : assertDate(closedOn, 'closedOn', { notAfterToday: true });
    return auditedWrite(context, { operation: 'closeMediationCase', targetType: 'MediationCase' }, async (manager) => {
      const mediation = authorizedRecord(publicSafetyPolicy, 'closeMediationCase', context.viewer, await manager.findOne(MediationCase, { where: { id }, lock: { mode: 'pessimistic_write' } }), `mediation case ${id}`, (row) => ({
        code: row.communityCode,
      }));
      if (mediation.closedOn !== null) {
        throw badUserInput('id', `the mediation case was closed on ${mediation.closedOn} (${mediation.outcome}); a closed case is final`);
      }
      if (day < mediation.receivedOn) {
        throw badUserInput('closedOn', `cannot precede the day the case was received (${mediation.receivedOn})`);
      }
      await manager.update(MediationCase, { id }, { outcome, closedOn: day });
      return { result: await manager.findOneByOrFail(MediationCase, { id }), targetIds: [id] };
    });
  }
}
