import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { chinaYear, codeWithinPrefix, significantPrefix } from '@shequ/kit';
import { Tier } from '../community/community.entity';
import type { AssessedIndicator } from './indicators';

/** The governance-owned figures of the assessment, for a community or (averaged over its communities) a region. */
export interface GovernanceFigures {
  officeSpaceM2: number | null;
  professionalSocialWorkers: number | null;
  councilMeetingsPerYear: number | null;
  /** Of last and this year's practical projects (not cancelled), the share completed; null with none. */
  practicalProjectsCompleted: number | null;
  /** Communities per tier within the code (1 for a community's own tier). */
  tiers: Record<Tier, number>;
}

export type TierTemplates = Record<Tier, Record<AssessedIndicator, number>>;

/**
 * One statement per batch for any mix of community and region codes: a
 * community's code is its own prefix, so a figure means the same at every level.
 */
async function loadGovernanceFigures(dataSource: DataSource, codes: readonly string[]): Promise<GovernanceFigures[]> {
  const rows: {
    code: string;
    office: string | null;
    workers: string | null;
    meetings: string | null;
    completed: string | null;
    advanced: number;
    standard: number;
    foundational: number;
  }[] = await dataSource.query(
    `SELECT scope.code,
            (SELECT avg(cap.office_space_m2) FROM governance.community_capacity cap WHERE ${codeWithinPrefix('cap.community_code', 'scope.prefix')}) AS office,
            (SELECT avg(cap.professional_social_workers) FROM governance.community_capacity cap WHERE ${codeWithinPrefix('cap.community_code', 'scope.prefix')}) AS workers,
            (SELECT avg(cap.council_meetings_per_year) FROM governance.community_capacity cap WHERE ${codeWithinPrefix('cap.community_code', 'scope.prefix')}) AS meetings,
            (SELECT avg((p.status = 'COMPLETED')::int) FROM governance.practical_project p
               WHERE ${codeWithinPrefix('p.community_code', 'scope.prefix')} AND p.status <> 'CANCELLED'
                 AND p.year BETWEEN ${chinaYear() - 1} AND ${chinaYear()}) AS completed,
            count(c.code) FILTER (WHERE c.tier = 'ADVANCED')::int AS advanced,
            count(c.code) FILTER (WHERE c.tier = 'STANDARD')::int AS standard,
            count(c.code) FILTER (WHERE c.tier = 'FOUNDATIONAL')::int AS foundational
     FROM unnest($1::text[], $2::text[]) AS scope(code, prefix)
     LEFT JOIN governance.community c ON ${codeWithinPrefix('c.code', 'scope.prefix')}
     GROUP BY scope.code, scope.prefix`,
    [codes, codes.map((code) => (code.length === 12 ? code : significantPrefix(code)))],
  );
  const toNumber = (value: string | null) => (value === null ? null : Number(value));
  const byCode = new Map(
    rows.map((row) => [
      row.code,
      {
        officeSpaceM2: toNumber(row.office),
        professionalSocialWorkers: toNumber(row.workers),
        councilMeetingsPerYear: toNumber(row.meetings),
        practicalProjectsCompleted: toNumber(row.completed),
        tiers: { [Tier.ADVANCED]: row.advanced, [Tier.STANDARD]: row.standard, [Tier.FOUNDATIONAL]: row.foundational },
      },
    ]),
  );
  return codes.map((code) => byCode.get(code) as GovernanceFigures);
}

export function createAssessmentLoaders(dataSource: DataSource) {
  return {
    governanceFigures: new DataLoader<string, GovernanceFigures>((codes) => loadGovernanceFigures(dataSource, codes)),
    /** The tier templates, read once per request whoever asks. */
    tierTemplates: new DataLoader<'all', TierTemplates>(async (keys) => {
      const rows: { tier: Tier; indicator: AssessedIndicator; target: string }[] = await dataSource.query(
        'SELECT tier, indicator, target FROM governance.tier_target',
      );
      const templates = { ADVANCED: {}, STANDARD: {}, FOUNDATIONAL: {} } as TierTemplates;
      for (const row of rows) {
        templates[row.tier][row.indicator] = Number(row.target);
      }
      return keys.map(() => templates);
    }),
  };
}
