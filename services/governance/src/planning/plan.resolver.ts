import type { EntityManager } from 'typeorm';
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertRegionCode, assertText, assertTransition, auditedWrite, authorize, authorizedRecord, badUserInput, found, isWithin, significantPrefix, assertId } from '@shequ/kit';
import { governancePolicy } from '../access-policy';
import type { GovernanceContext } from '../context';
import { Region } from '../region/region.entity';
import { MEASURE_TRANSITIONS, MeasureStatus, Plan, PLAN_TRANSITIONS, PlanKind, PlanMeasure, PlanStatus, PlanTarget } from './plan.entity';
import { DraftPlanInput, PlanMeasureInput, PlanTargetInput, readDraftPlan, readPlanMeasure, readPlanTarget } from './plan.input';

/** A plan's rules are checked against its region. */
const byRegion = (plan: Plan) => ({ code: plan.regionCode });

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => Plan, { nullable: true })
  plan(@Arg('id', () => ID) id: string, @Ctx() context: GovernanceContext): Promise<Plan | null> {
    return context.loaders.planning.planById.load(assertId(id, 'id'));
  }

  @Query(() => [Plan], { description: "Plans of a region and the regions within it, newest first; `period` keeps those in force in that year." })
  plans(
    @Arg('regionCode') regionCode: string,
    @Ctx() context: GovernanceContext,
    @Arg('period', () => Int, { nullable: true }) period?: number | null,
    @Arg('status', () => PlanStatus, { nullable: true }) status?: PlanStatus | null,
  ): Promise<Plan[]> {
    assertRegionCode(regionCode, 'regionCode');
    const query = context.dataSource
      .getRepository(Plan)
      .createQueryBuilder('p')
      .where(`p.region_code >= :prefix AND p.region_code < :prefix || ':'`, { prefix: significantPrefix(regionCode) })
      .orderBy('p.start_year', 'DESC')
      .addOrderBy('p.region_code', 'ASC');
    if (period != null) {
      query.andWhere(':period BETWEEN p.start_year AND p.end_year', { period });
    }
    if (status) {
      query.andWhere('p.status = :status', { status });
    }
    return query.limit(500).getMany();
  }

  @FieldResolver(() => Region)
  async region(@Root() plan: Plan, @Ctx() context: GovernanceContext): Promise<Region> {
    return (await context.loaders.region.regionByCode.load(plan.regionCode)) as Region;
  }

  @FieldResolver(() => Plan, { nullable: true, description: 'For an annual plan, its five-year plan.' })
  parentPlan(@Root() plan: Plan, @Ctx() context: GovernanceContext): Promise<Plan | null> | null {
    return plan.parentPlanId ? context.loaders.planning.planById.load(plan.parentPlanId) : null;
  }

  @FieldResolver(() => [Plan], { description: 'For a five-year plan, its annual plans.' })
  annualPlans(@Root() plan: Plan, @Ctx() context: GovernanceContext): Promise<Plan[]> {
    return context.loaders.planning.annualPlansByParent.load(plan.id);
  }

  @FieldResolver(() => [PlanTarget])
  targets(@Root() plan: Plan, @Ctx() context: GovernanceContext): Promise<PlanTarget[]> {
    return context.loaders.planning.targetsByPlan.load(plan.id);
  }

  @FieldResolver(() => [PlanMeasure])
  measures(@Root() plan: Plan, @Ctx() context: GovernanceContext): Promise<PlanMeasure[]> {
    return context.loaders.planning.measuresByPlan.load(plan.id);
  }

  @Mutation(() => Plan, { description: 'Drafts a plan for a region (governance staff within their jurisdiction).' })
  async draftPlan(@Arg('input', () => DraftPlanInput) input: DraftPlanInput, @Ctx() context: GovernanceContext): Promise<Plan> {
    const draft = readDraftPlan(input);
    authorize(governancePolicy, 'draftPlan', context.viewer, draft.regionCode);
    return auditedWrite(context, { operation: 'draftPlan', targetType: 'Plan' }, async (manager) => {
      found(await manager.findOneBy(Region, { code: draft.regionCode }), `region ${draft.regionCode}`);
      if (draft.parentPlanId != null) {
        const parent = found(await manager.findOneBy(Plan, { id: assertId(draft.parentPlanId, 'input.parentPlanId') }), `plan ${draft.parentPlanId}`);
        if (parent.kind !== PlanKind.FIVE_YEAR || draft.kind !== PlanKind.ANNUAL || draft.startYear < parent.startYear || draft.endYear > parent.endYear || !isWithin(draft.regionCode, parent.regionCode)) {
          throw badUserInput('input.parentPlanId', `an annual plan belongs to a five-year plan of its region that covers its year (${parent.startYear}–${parent.endYear})`);
        }
      }
      const plan = await manager.save(
        manager.create(Plan, {
          regionCode: draft.regionCode,
          kind: draft.kind,
          title: draft.title,
          startYear: draft.startYear,
          endYear: draft.endYear,
          parentPlanId: draft.parentPlanId ?? null,
          status: PlanStatus.DRAFT,
          approvingBody: null,
        }),
      );
      return { result: plan, targetIds: [plan.id] };
    });
  }

  @Mutation(() => Plan, { description: 'DRAFT → APPROVED, naming the approving body.' })
  approvePlan(@Arg('id', () => ID) id: string, @Arg('approvingBody') approvingBody: string, @Ctx() context: GovernanceContext): Promise<Plan> {
    const body = assertText(approvingBody, 'approvingBody', 200);
    return this.moveTo('approvePlan', id, PlanStatus.APPROVED, context, { approvingBody: body });
  }

  @Mutation(() => Plan, { description: 'APPROVED → IN_FORCE.' })
  putPlanInForce(@Arg('id', () => ID) id: string, @Ctx() context: GovernanceContext): Promise<Plan> {
    return this.moveTo('putPlanInForce', id, PlanStatus.IN_FORCE, context);
  }

  @Mutation(() => Plan, { description: 'IN_FORCE → CLOSED.' })
  closePlan(@Arg('id', () => ID) id: string, @Ctx() context: GovernanceContext): Promise<Plan> {
    return this.moveTo('closePlan', id, PlanStatus.CLOSED, context);
  }

  @Mutation(() => PlanTarget, { description: 'Adds a target to a plan still in DRAFT.' })
  addPlanTarget(@Arg('planId', () => ID) planId: string, @Arg('input', () => PlanTargetInput) input: PlanTargetInput, @Ctx() context: GovernanceContext): Promise<PlanTarget> {
    const target = readPlanTarget(input);
    return this.editDraft('addPlanTarget', planId, context, async (manager, plan) => {
      if (target.dueYear < plan.startYear || target.dueYear > plan.endYear) {
        throw badUserInput('input.dueYear', `must fall within the plan's period ${plan.startYear}–${plan.endYear}`);
      }
      return manager.save(manager.create(PlanTarget, { ...target, baseline: target.baseline ?? null, planId: plan.id, progress: null, progressNote: null, progressUpdatedAt: null }));
    });
  }

  @Mutation(() => PlanMeasure, { description: 'Adds a measure, with its lead and supporting departments, to a plan still in DRAFT.' })
  addPlanMeasure(@Arg('planId', () => ID) planId: string, @Arg('input', () => PlanMeasureInput) input: PlanMeasureInput, @Ctx() context: GovernanceContext): Promise<PlanMeasure> {
    const measure = readPlanMeasure(input);
    return this.editDraft('addPlanMeasure', planId, context, (manager, plan) =>
      manager.save(manager.create(PlanMeasure, { ...measure, dueDate: measure.dueDate ?? null, planId: plan.id, status: MeasureStatus.PLANNED })),
    );
  }

  @Mutation(() => PlanTarget, { description: 'Records the latest value of a target of a plan in force.' })
  async recordTargetProgress(
    @Arg('targetId', () => ID) targetId: string,
    @Arg('value', () => Float) value: number,
    @Ctx() context: GovernanceContext,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<PlanTarget> {
    assertId(targetId, 'targetId');
    if (!Number.isFinite(value) || value < 0) {
      throw badUserInput('value', 'must be a number ≥ 0');
    }
    const progressNote = note == null ? null : assertText(note, 'note', 1000);
    return auditedWrite(context, { operation: 'recordTargetProgress', targetType: 'PlanTarget' }, async (manager) => {
      const row = await manager.findOne(PlanTarget, { where: { id: targetId }, lock: { mode: 'pessimistic_write' } });
      const rowPlan = row && (await manager.findOneBy(Plan, { id: row.planId }));
      const { target, plan } = authorizedRecord(governancePolicy, 'recordTargetProgress', context.viewer, row && rowPlan && { target: row, plan: rowPlan }, `target ${targetId}`, (pair) => ({
        code: pair.plan.regionCode,
      }));
      if (plan.status !== PlanStatus.IN_FORCE) {
        throw badUserInput('targetId', `progress is recorded on plans IN_FORCE; this plan is ${plan.status}`);
      }
      Object.assign(target, { progress: value, progressNote, progressUpdatedAt: new Date() });
      return { result: await manager.save(target), targetIds: [target.id] };
    });
  }

  @Mutation(() => PlanMeasure, { description: 'PLANNED → UNDERWAY → DONE, or DROPPED.' })
  async updateMeasureStatus(@Arg('measureId', () => ID) measureId: string, @Arg('status', () => MeasureStatus) status: MeasureStatus, @Ctx() context: GovernanceContext): Promise<PlanMeasure> {
    assertId(measureId, 'measureId');
    return auditedWrite(context, { operation: 'updateMeasureStatus', targetType: 'PlanMeasure' }, async (manager) => {
      const row = await manager.findOne(PlanMeasure, { where: { id: measureId }, lock: { mode: 'pessimistic_write' } });
      const rowPlan = row && (await manager.findOneBy(Plan, { id: row.planId }));
      const { measure } = authorizedRecord(governancePolicy, 'editPlan', context.viewer, row && rowPlan && { measure: row, plan: rowPlan }, `measure ${measureId}`, (pair) => ({
        code: pair.plan.regionCode,
      }));
      assertTransition(MEASURE_TRANSITIONS, measure.status, status, 'the measure');
      measure.status = status;
      return { result: await manager.save(measure), targetIds: [measure.id] };
    });
  }

  /** `operation` is the mutation's name, as the audit entry records it. */
  private moveTo(operation: 'approvePlan' | 'putPlanInForce' | 'closePlan', id: string, status: PlanStatus, context: GovernanceContext, changes: Partial<Plan> = {}): Promise<Plan> {
    assertId(id, 'id');
    return auditedWrite(context, { operation, targetType: 'Plan' }, async (manager) => {
      const plan = authorizedRecord(governancePolicy, 'changePlanStatus', context.viewer, await manager.findOne(Plan, { where: { id }, lock: { mode: 'pessimistic_write' } }), `plan ${id}`, byRegion);
      assertTransition(PLAN_TRANSITIONS, plan.status, status, 'the plan');
      Object.assign(plan, changes, { status });
      return { result: await manager.save(plan), targetIds: [plan.id] };
    });
  }

  private editDraft<Result extends { id: string }>(
    operation: 'addPlanTarget' | 'addPlanMeasure',
    planId: string,
    context: GovernanceContext,
    edit: (manager: EntityManager, plan: Plan) => Promise<Result>,
  ): Promise<Result> {
    assertId(planId, 'planId');
    return auditedWrite(context, { operation, targetType: 'Plan' }, async (manager) => {
      const plan = authorizedRecord(governancePolicy, 'editPlan', context.viewer, await manager.findOne(Plan, { where: { id: planId }, lock: { mode: 'pessimistic_write' } }), `plan ${planId}`, byRegion);
      if (plan.status !== PlanStatus.DRAFT) {
        throw badUserInput('planId', `targets and measures are added while the plan is DRAFT; it is ${plan.status}`);
      }
      const result = await edit(manager, plan);
      return { result, targetIds: [plan.id, result.id] };
    });
  }
}

@Resolver(() => Region)
export class RegionPlansResolver {
  @FieldResolver(() => [Plan], { description: "The region's own plans, newest first." })
  plans(@Root() region: Region, @Ctx() context: GovernanceContext): Promise<Plan[]> {
    return context.loaders.planning.plansByRegion.load(region.code);
  }
}
