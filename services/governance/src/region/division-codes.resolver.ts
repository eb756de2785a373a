import { Ctx, Query, Resolver } from 'type-graphql';
import type { GovernanceContext } from '../context';

/**
 * Every code governance holds, so that the gateway can tell a code nobody
 * has (NOT_FOUND) from one that merely has no figures. One statement over the
 * two primary-key indexes; about 16,500 short strings at province scale.
 */
@Resolver()
export class DivisionCodesResolver {
  @Query(() => [String], {
    description: 'Every region and community code governance holds, in code order: the gateway checks the codes a request names against it.',
  })
  async divisionCodes(@Ctx() context: GovernanceContext): Promise<string[]> {
    const rows: { code: string }[] = await context.dataSource.query(
      `SELECT code FROM governance.region
       UNION ALL
       SELECT code FROM governance.community
       ORDER BY code`,
    );
    return rows.map((row) => row.code);
  }
}
