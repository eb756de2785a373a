import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { assertTransition, auditedWrite, authorize, authorizedRecord, assertId } from '@shequ/kit';
import { publicSafetyPolicy } from '../access-policy';
import type { PublicSafetyContext } from '../context';
import { INCIDENT_TRANSITIONS, SafetyIncident, SafetyIncidentStatus } from './safety-incident.entity';
import { readReportSafetyIncident, ReportSafetyIncidentInput } from './safety-incident.input';

@Resolver(() => SafetyIncident)
export class SafetyIncidentResolver {
  @Mutation(() => SafetyIncident, { description: 'Records a safety incident in a community (status REPORTED).' })
  reportIncident(@Arg('input', () => ReportSafetyIncidentInput) input: ReportSafetyIncidentInput, @Ctx() context: PublicSafetyContext): Promise<SafetyIncident> {
    const incident = readReportSafetyIncident(input);
    authorize(publicSafetyPolicy, 'reportIncident', context.viewer, incident.communityCode);
    return auditedWrite(context, { operation: 'reportIncident', targetType: 'SafetyIncident' }, async (manager) => {
      const saved = await manager.save(manager.create(SafetyIncident, { ...incident, status: SafetyIncidentStatus.REPORTED }));
      return { result: saved, targetIds: [saved.id] };
    });
  }

  @Mutation(() => SafetyIncident, { description: 'Moves an incident: REPORTED → INVESTIGATING → RESOLVED, or DISMISSED.' })
  updateIncidentStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => SafetyIncidentStatus) status: SafetyIncidentStatus,
    @Ctx() context: PublicSafetyContext,
  ): Promise<SafetyIncident> {
    assertId(id, 'id');
    return auditedWrite(context, { operation: 'updateIncidentStatus', targetType: 'SafetyIncident' }, async (manager) => {
      const incident = authorizedRecord(publicSafetyPolicy, 'updateIncidentStatus', context.viewer, await manager.findOne(SafetyIncident, { where: { id }, lock: { mode: 'pessimistic_write' } }), `safety incident ${id}`, (row) => ({
        code: row.communityCode,
      }));
      assertTransition(INCIDENT_TRANSITIONS, incident.status, status, 'the incident');
      incident.status = status;
      return { result: await manager.save(incident), targetIds: [id] };
    });
  }
}
