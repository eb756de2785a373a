import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertRegionCode, assertText, assertYear, auditedWrite, authorize, badUserInput, codeWithinPrefix, graphqlError, isCommunityCode, significantPrefix } from '@shequ/kit';
import { governancePolicy } from '../access-policy';
import { Community } from '../community/community.entity';
import type { GovernanceContext } from '../context';
import { Region } from '../region/region.entity';
import { DemonstrationUnit } from './demonstration-unit.entity';
import { DemonstrationUnitFilter, DesignateDemonstrationUnitInput } from './demonstration-unit.input';

@Resolver(() => DemonstrationUnit)
export class DemonstrationUnitResolver {
  @Query(() => [DemonstrationUnit], { description: 'Demonstration units, newest first (at most 500).' })
  demonstrationUnits(@Ctx() context: GovernanceContext, @Arg('filter', () => DemonstrationUnitFilter, { nullable: true }) filter?: DemonstrationUnitFilter | null): Promise<DemonstrationUnit[]> {
    const query = context.dataSource.getRepository(DemonstrationUnit).createQueryBuilder('d');
    query.where(codeWithinPrefix('d.code', ':prefix'), { prefix: filter?.regionCode != null ? significantPrefix(assertRegionCode(filter.regionCode, 'filter.regionCode')) : '' });
    if (filter?.level) {
      query.andWhere('d.level = :level', { level: filter.level });
    }
    if (filter?.year != null) {
      query.andWhere('d.year = :year', { year: assertYear(filter.year, 'filter.year') });
    }
    return query.orderBy('d.year', 'DESC').addOrderBy('d.code', 'ASC').limit(500).getMany();
  }

  @Mutation(() => DemonstrationUnit, { description: 'Designates a community or street as a demonstration unit for a year.' })
  designateDemonstrationUnit(@Arg('input', () => DesignateDemonstrationUnitInput) input: DesignateDemonstrationUnitInput, @Ctx() context: GovernanceContext): Promise<DemonstrationUnit> {
    if (!isCommunityCode(input.code) && input.code.length !== 9) {
      throw badUserInput('input.code', `"${input.code}" is neither a community (12 digits) nor a street (9 digits) code`);
    }
    if (input.code.length === 9) {
      assertRegionCode(input.code, 'input.code');
    }
    assertYear(input.year, 'input.year');
    const practice = assertText(input.practice, 'input.practice', 1000);
    authorize(governancePolicy, 'designateDemonstrationUnit', context.viewer, input.code);
    return auditedWrite(context, { operation: 'designateDemonstrationUnit', targetType: 'DemonstrationUnit' }, async (manager) => {
      const exists = input.code.length === 12 ? await manager.findOneBy(Community, { code: input.code }) : await manager.findOneBy(Region, { code: input.code });
      if (!exists) {
        throw graphqlError('NOT_FOUND', `${input.code} does not exist`);
      }
      if (await manager.findOneBy(DemonstrationUnit, { code: input.code, level: input.level, year: input.year })) {
        throw graphqlError('CONFLICT', `${input.code} is already a ${input.level} demonstration unit for ${input.year}`);
      }
      const unit = await manager.save(manager.create(DemonstrationUnit, { code: input.code, level: input.level, year: input.year, practice }));
      return { result: unit, targetIds: [unit.id] };
    });
  }
}

@Resolver(() => Community)
export class CommunityDemonstrationResolver {
  @FieldResolver(() => [DemonstrationUnit], { description: "The community's designations as a demonstration unit, newest first." })
  demonstration(@Root() community: Community, @Ctx() context: GovernanceContext): Promise<DemonstrationUnit[]> {
    return context.loaders.demonstration.demonstrationsByCode.load(community.code);
  }
}
