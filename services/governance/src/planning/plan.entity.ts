import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { defineTransitions, numericColumn } from '@shequ/kit';
import { Tier } from '../community/community.entity';
import { Indicator } from '../assessment/indicators';

export enum PlanKind {
  FIVE_YEAR = 'FIVE_YEAR',
  ANNUAL = 'ANNUAL',
}
registerEnumType(PlanKind, { name: 'PlanKind' });

export enum PlanStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  IN_FORCE = 'IN_FORCE',
  CLOSED = 'CLOSED',
}
registerEnumType(PlanStatus, { name: 'PlanStatus', description: 'DRAFT → APPROVED → IN_FORCE → CLOSED.' });

export const PLAN_TRANSITIONS = defineTransitions<PlanStatus>({
  DRAFT: [PlanStatus.APPROVED],
  APPROVED: [PlanStatus.IN_FORCE],
  IN_FORCE: [PlanStatus.CLOSED],
  CLOSED: [],
});

export enum MeasureStatus {
  PLANNED = 'PLANNED',
  UNDERWAY = 'UNDERWAY',
  DONE = 'DONE',
  DROPPED = 'DROPPED',
}
registerEnumType(MeasureStatus, { name: 'MeasureStatus' });

export const MEASURE_TRANSITIONS = defineTransitions<MeasureStatus>({
  PLANNED: [MeasureStatus.UNDERWAY, MeasureStatus.DROPPED],
  UNDERWAY: [MeasureStatus.DONE, MeasureStatus.DROPPED],
  DONE: [],
  DROPPED: [],
});


/** A region's five-year or annual plan for community building. */
@ObjectType({ description: "A region's five-year or annual plan for community building." })
@Entity({ name: 'plan' })
export class Plan {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The region the plan is for.' })
  @Column({ name: 'region_code', type: 'varchar', length: 9, collation: 'C' })
  regionCode: string;

  @Field(() => PlanKind)
  @Column({ type: 'text' })
  kind: PlanKind;

  @Column({ name: 'parent_plan_id', type: 'uuid', nullable: true })
  parentPlanId: string | null;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => Int)
  @Column({ name: 'start_year', type: 'integer' })
  startYear: number;

  @Field(() => Int)
  @Column({ name: 'end_year', type: 'integer' })
  endYear: number;

  @Field(() => PlanStatus)
  @Column({ type: 'text' })
  status: PlanStatus;

  @Field(() => String, { nullable: true })
  @Column({ name: 'approving_body', type: 'text', nullable: true })
  approvingBody: string | null;
}

/** A target within a plan: an indicator the graph measures (or a free-text one), for some tiers. */
@ObjectType({ description: 'A target within a plan, for the tiers it applies to.' })
@Entity({ name: 'plan_target' })
export class PlanTarget {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Field(() => Indicator)
  @Column({ type: 'text' })
  indicator: Indicator;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'numeric', nullable: true, transformer: numericColumn })
  baseline: number | null;

  @Field(() => Float)
  @Column({ name: 'target_value', type: 'numeric', transformer: numericColumn })
  targetValue: number;

  @Field()
  @Column({ type: 'text' })
  unit: string;

  @Field(() => Int)
  @Column({ name: 'due_year', type: 'integer' })
  dueYear: number;

  @Field(() => [Tier])
  @Column({ type: 'text', array: true })
  tiers: Tier[];

  @Field(() => Float, { nullable: true, description: 'The latest recorded value.' })
  @Column({ type: 'numeric', nullable: true, transformer: numericColumn })
  progress: number | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'progress_note', type: 'text', nullable: true })
  progressNote: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'progress_updated_at', type: 'timestamptz', nullable: true })
  progressUpdatedAt: Date | null;
}

/** What will be done, by which lead department with whose support. */
@ObjectType({ description: 'A measure: what will be done, the lead department and the supporting ones.' })
@Entity({ name: 'plan_measure' })
export class PlanMeasure {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field()
  @Column({ name: 'lead_department', type: 'text' })
  leadDepartment: string;

  @Field(() => [String])
  @Column({ name: 'supporting_departments', type: 'text', array: true })
  supportingDepartments: string[];

  @Field(() => MeasureStatus)
  @Column({ type: 'text' })
  status: MeasureStatus;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;
}
