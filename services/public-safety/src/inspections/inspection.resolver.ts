import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { assertDate, auditedWrite, authorize, authorizedRecord, badUserInput, chinaToday, assertId } from '@shequ/kit';
import { publicSafetyPolicy } from '../access-policy';
import type { PublicSafetyContext } from '../context';
import { Inspection, InspectionHazard } from './inspection.entity';
import { readRecordInspection, RecordInspectionInput } from './inspection.input';

@Resolver(() => Inspection)
export class InspectionResolver {
  @FieldResolver(() => [InspectionHazard])
  hazards(@Root() inspection: Inspection, @Ctx() context: PublicSafetyContext): Promise<InspectionHazard[]> {
    return context.loaders.inspections.hazardsByInspection.load(inspection.id);
  }

  @FieldResolver(() => Int)
  async hazardsFound(@Root() inspection: Inspection, @Ctx() context: PublicSafetyContext): Promise<number> {
    return (await context.loaders.inspections.hazardsByInspection.load(inspection.id)).length;
  }

  @FieldResolver(() => Int)
  async hazardsFixed(@Root() inspection: Inspection, @Ctx() context: PublicSafetyContext): Promise<number> {
    return (await context.loaders.inspections.hazardsByInspection.load(inspection.id)).filter((hazard) => hazard.fixedOn !== null).length;
  }

  @Mutation(() => Inspection, { description: 'Records an inspection and the hazards it found.' })
  recordInspection(@Arg('input', () => RecordInspectionInput) input: RecordInspectionInput, @Ctx() context: PublicSafetyContext): Promise<Inspection> {
    const { hazards, ...inspection } = readRecordInspection(input);
    authorize(publicSafetyPolicy, 'recordInspection', context.viewer, inspection.communityCode);
    return auditedWrite(context, { operation: 'recordInspection', targetType: 'Inspection' }, async (manager) => {
      const saved = await manager.save(manager.create(Inspection, inspection));
      if (hazards.length > 0) {
        await manager.insert(
          InspectionHazard,
          hazards.map((description) => ({ inspectionId: saved.id, communityCode: saved.communityCode, description, fixedOn: null })),
        );
      }
      return { result: saved, targetIds: [saved.id] };
    });
  }

  @Mutation(() => InspectionHazard, { description: 'Marks a hazard fixed; `fixedOn` defaults to today. A fixed hazard stays fixed.' })
  fixHazard(
    @Arg('id', () => ID) id: string,
    @Ctx() context: PublicSafetyContext,
    @Arg('fixedOn', () => String, { nullable: true, description: 'YYYY-MM-DD; today when omitted.' }) fixedOn?: string | null,
  ): Promise<InspectionHazard> {
    assertId(id, 'id');
    const day = fixedOn == null ? chinaToday() : assertDate(fixedOn, 'fixedOn', { notAfterToday: true });
    return auditedWrite(context, { operation: 'fixHazard', targetType: 'InspectionHazard' }, async (manager) => {
      const [hazard]: (InspectionHazard & { inspectedOn: string })[] = await manager.query(
        `SELECT h.id, h.community_code AS "communityCode", h.fixed_on::text AS "fixedOn", i.inspected_on::text AS "inspectedOn"
         FROM public_safety.inspection_hazard h JOIN public_safety.inspection i ON i.id = h.inspection_id
         WHERE h.id = $1 FOR UPDATE OF h`,
        [id],
      );
      authorizedRecord(publicSafetyPolicy, 'fixHazard', context.viewer, hazard, `hazard ${id}`, (row) => ({ code: row.communityCode }));
      if (hazard.fixedOn !== null) {
        throw badUserInput('id', `the hazard was already fixed on ${hazard.fixedOn}`);
      }
      if (day < hazard.inspectedOn) {
        throw badUserInput('fixedOn', `cannot precede the inspection that found the hazard (${hazard.inspectedOn})`);
      }
      await manager.update(InspectionHazard, { id }, { fixedOn: day });
      return { result: await manager.findOneByOrFail(InspectionHazard, { id }), targetIds: [id] };
    });
  }
}
