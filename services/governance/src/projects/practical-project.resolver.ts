import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertTransition, auditedWrite, authorize, authorizedRecord, codeWithinPrefix, ConnectionType, found, PageArgs, readPage, significantPrefix, toConnection, type Connection, assertId } from '@shequ/kit';
import { governancePolicy } from '../access-policy';
import { Community } from '../community/community.entity';
import type { GovernanceContext } from '../context';
import { PracticalProject, PROJECT_TRANSITIONS, ProjectStatus } from './practical-project.entity';
import { PracticalProjectFilter, readPracticalProjectFilter, readRegisterPracticalProject, RegisterPracticalProjectInput } from './practical-project.input';

export const PracticalProjectConnection = ConnectionType('PracticalProject', PracticalProject);

@Resolver(() => PracticalProject)
export class PracticalProjectResolver {
  @Query(() => PracticalProjectConnection, { description: 'Practical projects, newest year first, narrowed by the filter.' })
  async practicalProjects(
    @Ctx() context: GovernanceContext,
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => PracticalProjectFilter, { nullable: true }) filter?: PracticalProjectFilter | null,
  ): Promise<Connection<PracticalProject>> {
    const criteria = readPracticalProjectFilter(filter);
    const page = readPage(pageArgs, ['integer', 'id']);
    const query = context.dataSource.getRepository(PracticalProject).createQueryBuilder('p');
    query.where(codeWithinPrefix('p.community_code', ':prefix'), { prefix: criteria.regionCode ? significantPrefix(criteria.regionCode) : '' });
    if (criteria.year != null) {
      query.andWhere('p.year = :year', { year: criteria.year });
    }
    if (criteria.status) {
      query.andWhere('p.status = :status', { status: criteria.status });
    }
    const totalCount = await query.clone().getCount();
    if (page.after) {
      query.andWhere('(p.year, p.id) < (:afterYear, :afterId)', { afterYear: page.after[0], afterId: page.after[1] });
    }
    const rows = await query.orderBy('p.year', 'DESC').addOrderBy('p.id', 'DESC').limit(page.first + 1).getMany();
    return toConnection(rows, page, totalCount, (project) => [project.year, project.id]);
  }

  @FieldResolver(() => Community)
  async community(@Root() project: PracticalProject, @Ctx() context: GovernanceContext): Promise<Community> {
    return (await context.loaders.community.communityByCode.load(project.communityCode)) as Community;
  }

  @Mutation(() => PracticalProject, { description: "Registers one of a community's practical projects for a year." })
  registerPracticalProject(@Arg('input', () => RegisterPracticalProjectInput) input: RegisterPracticalProjectInput, @Ctx() context: GovernanceContext): Promise<PracticalProject> {
    const project = readRegisterPracticalProject(input);
    authorize(governancePolicy, 'registerPracticalProject', context.viewer, project.communityCode);
    return auditedWrite(context, { operation: 'registerPracticalProject', targetType: 'PracticalProject' }, async (manager) => {
      found(await manager.findOneBy(Community, { code: project.communityCode }), `community ${project.communityCode}`);
      const saved = await manager.save(manager.create(PracticalProject, { ...project, status: ProjectStatus.PLANNED, completedAt: null }));
      return { result: saved, targetIds: [saved.id] };
    });
  }

  @Mutation(() => PracticalProject, { description: 'Moves a practical project: PLANNED → IN_PROGRESS → COMPLETED, or CANCELLED.' })
  changePracticalProjectStatus(@Arg('id', () => ID) id: string, @Arg('status', () => ProjectStatus) status: ProjectStatus, @Ctx() context: GovernanceContext): Promise<PracticalProject> {
    assertId(id, 'id');
    return auditedWrite(context, { operation: 'changePracticalProjectStatus', targetType: 'PracticalProject' }, async (manager) => {
      const project = authorizedRecord(
        governancePolicy,
        'changePracticalProjectStatus',
        context.viewer,
        await manager.findOne(PracticalProject, { where: { id }, lock: { mode: 'pessimistic_write' } }),
        `practical project ${id}`,
        (row) => ({ code: row.communityCode }),
      );
      assertTransition(PROJECT_TRANSITIONS, project.status, status, 'the practical project');
      project.status = status;
      project.completedAt = status === ProjectStatus.COMPLETED ? new Date() : null;
      return { result: await manager.save(project), targetIds: [project.id] };
    });
  }
}

@Resolver(() => Community)
export class CommunityProjectsResolver {
  @FieldResolver(() => [PracticalProject], { description: "The community's practical projects, newest year first; `year` keeps one year." })
  async practicalProjects(
    @Root() community: Community,
    @Ctx() context: GovernanceContext,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ): Promise<PracticalProject[]> {
    const projects = await context.loaders.projects.practicalProjectsByCommunity.load(community.code);
    return year == null ? projects : projects.filter((project) => project.year === year);
  }
}
