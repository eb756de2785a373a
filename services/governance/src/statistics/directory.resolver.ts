import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badUserInput, DEFAULT_FIGURE_PAGE_SIZE, isCommunityCode, isRegionCode, MAX_FIGURE_PAGE_SIZE, significantPrefix, Weight } from '@shequ/kit';
import { Tier } from '../community/community.entity';
import type { GovernanceContext } from '../context';
import { ASSESSED_INDICATORS, INDICATORS } from '../assessment/indicators';
import { AssessmentTemplate, DirectoryEntry, DirectoryLevel, DirectoryPage } from './directory.type';

const TIERS = [Tier.ADVANCED, Tier.STANDARD, Tier.FOUNDATIONAL];

@Resolver()
export class DirectoryResolver {
  @Authorized('analyst')
  @Weight(200)
  @Query(() => DirectoryPage, {
    description: "Analysts and admins: every region (province, prefectures, counties, streets) and community within the caller's jurisdiction, in code order, for the statistics store's directory.",
  })
  async governanceDirectory(
    @Ctx() context: GovernanceContext,
    @Arg('after', () => String, { nullable: true, description: 'The nextCursor of the previous page (a region or community code).' }) after: string | null,
    @Arg('first', () => Int, { defaultValue: DEFAULT_FIGURE_PAGE_SIZE, description: `Entries per page, 1–${MAX_FIGURE_PAGE_SIZE}.` }) first: number,
  ): Promise<DirectoryPage> {
    if (after != null && !isRegionCode(after) && !isCommunityCode(after)) {
      throw badUserInput('after', 'not a region or community code returned as nextCursor');
    }
    if (!Number.isInteger(first) || first < 1 || first > MAX_FIGURE_PAGE_SIZE) {
      throw badUserInput('first', `must be between 1 and ${MAX_FIGURE_PAGE_SIZE} (got ${first})`);
    }
    const prefix = significantPrefix((context.viewer as NonNullable<GovernanceContext['viewer']>).jurisdiction);
    // The jurisdiction's own region starts with its prefix too; ':' sorts after every digit.
    const lower = after ?? '';
    const rows: { code: string; name: string; level: DirectoryLevel; parent_code: string | null; tier: Tier | null }[] = await context.dataSource.query(
      `SELECT code, name, level, parent_code, tier FROM (
         SELECT code, name, level, parent_code, NULL::text AS tier FROM governance.region
         WHERE code > ($1::text COLLATE "C") AND code >= ($2::text COLLATE "C") AND code < ($2::text || ':') COLLATE "C"
         UNION ALL
         SELECT code, name, 'COMMUNITY', street_code, tier FROM governance.community
         WHERE code > ($1::text COLLATE "C") AND code >= ($2::text COLLATE "C") AND code < ($2::text || ':') COLLATE "C"
       ) entries ORDER BY code LIMIT ${first + 1}`,
      [lower, prefix],
    );
    const page = rows.slice(0, first);
    return {
      entries: page.map((row): DirectoryEntry => ({ code: row.code, name: row.name, level: row.level, parentCode: row.parent_code, tier: row.tier })),
      nextCursor: rows.length > first ? (page[page.length - 1] as { code: string }).code : null,
    };
  }

  @Query(() => [AssessmentTemplate], {
    description: "Public: the assessment's method — each indicator's component, comparison, unit and the tier targets in force (see AssessmentTemplate for how a region's target and the scores follow).",
  })
  async assessmentMethod(@Ctx() context: GovernanceContext): Promise<AssessmentTemplate[]> {
    const templates = await context.loaders.assessment.tierTemplates.load('all');
    return ASSESSED_INDICATORS.map((indicator) => ({
      indicator: indicator as AssessmentTemplate['indicator'],
      component: INDICATORS[indicator].component,
      comparison: INDICATORS[indicator].comparison,
      unit: INDICATORS[indicator].unit,
      targets: TIERS.filter((tier) => templates[tier][indicator] !== undefined).map((tier) => ({ tier, target: templates[tier][indicator] })),
    }));
  }
}
