import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { defineTransitions, numericColumn } from '@shequ/kit';

export enum ProjectStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ProjectStatus, { name: 'PracticalProjectStatus', description: 'PLANNED → IN_PROGRESS → COMPLETED, or CANCELLED before completion.' });

export const PROJECT_TRANSITIONS = defineTransitions<ProjectStatus>({
  PLANNED: [ProjectStatus.IN_PROGRESS, ProjectStatus.CANCELLED],
  IN_PROGRESS: [ProjectStatus.COMPLETED, ProjectStatus.CANCELLED],
  COMPLETED: [],
  CANCELLED: [],
});

export enum FundingSource {
  STATE = 'STATE',
  ENTERPRISE = 'ENTERPRISE',
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
  PRIVATE = 'PRIVATE',
  DONATIONS = 'DONATIONS',
}
registerEnumType(FundingSource, { name: 'FundingSource' });


/** "One or several practical things every year" for a community. */
@ObjectType({ description: 'A practical project: one of the few concrete things a community does for its residents in a year.' })
@Entity({ name: 'practical_project' })
export class PracticalProject {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => Float, { description: 'Yuan.' })
  @Column({ type: 'numeric', transformer: numericColumn })
  budget: number;

  @Field(() => FundingSource)
  @Column({ name: 'funding_source', type: 'text' })
  fundingSource: FundingSource;

  @Field(() => ProjectStatus)
  @Column({ type: 'text' })
  status: ProjectStatus;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
