import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPeriodFigure } from './1765000000000-statistics-store';
import { ALL_FLOWS, ALL_MEMBERS, ALL_STOCKS, FEED_DEPARTMENTS, REPORTING_COLUMN } from '../catalogue/measures';

const columns = (names: readonly string[], type: string) => names.map((name) => `${name} ${type}`).join(',\n');

/**
 * Periods are added up when asked, not stored. Every period of every row
 * (`period_figure`) made a full refresh write millions of wide rows; the
 * store now keeps what a period is summed from:
 *  - `scope_count`: every table row (each community; each region per set of
 *    tiers) with how many communities of each tier it holds;
 *  - `region_month`: each region's flows per China month and tier (a set of
 *    tiers adds its tiers' rows), beside `community_month`'s communities;
 *  - `stock_figure`: every row's stocks, reporting counts and distinct
 *    counts for each month the store snapshotted stocks in.
 * A period's row is then its months' flows summed (an index range of a few
 * rows per region and month), its latest snapshot's stocks, and its medians
 * from the distribution samples.
 */
export class MonthFigures1766000000000 implements MigrationInterface {
  name = 'MonthFigures1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE statistics.period_figure`);
    await runner.query(`
      CREATE TABLE statistics.scope_count (
        tier_set smallint NOT NULL CHECK (tier_set BETWEEN 1 AND 7),
        level text NOT NULL,
        code varchar(12) COLLATE "C" NOT NULL,
        tier text,
        community_count integer NOT NULL,
        advanced integer NOT NULL,
        standard integer NOT NULL,
        foundational integer NOT NULL,
        PRIMARY KEY (tier_set, level, code)
      )`);
    await runner.query(`
      CREATE TABLE statistics.region_month (
        month char(7) COLLATE "C" NOT NULL,
        level text NOT NULL,
        code varchar(12) COLLATE "C" NOT NULL,
        tier_bit smallint NOT NULL CHECK (tier_bit IN (1, 2, 4)),
        ${columns(ALL_FLOWS, 'double precision')},
        PRIMARY KEY (month, level, code, tier_bit)
      )`);
    await runner.query(`
      CREATE TABLE statistics.stock_figure (
        month char(7) COLLATE "C" NOT NULL,
        tier_set smallint NOT NULL CHECK (tier_set BETWEEN 1 AND 7),
        level text NOT NULL,
        code varchar(12) COLLATE "C" NOT NULL,
        ${columns(ALL_STOCKS, 'double precision')},
        ${columns(
          FEED_DEPARTMENTS.map((department) => REPORTING_COLUMN[department]),
          'integer NOT NULL',
        )},
        ${columns(
          ALL_MEMBERS.map((measure) => `distinct_${measure}`),
          'integer',
        )},
        PRIMARY KEY (month, tier_set, level, code)
      )`);
    // A page's or a trend's few communities over a period's months: by community first.
    await runner.query(`CREATE INDEX community_month_community_idx ON statistics.community_month (community_code, month)`);
    await runner.query(`CREATE INDEX sample_community_idx ON statistics.sample (community_code, month)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX statistics.sample_community_idx`);
    await runner.query(`DROP INDEX statistics.community_month_community_idx`);
    for (const table of ['stock_figure', 'region_month', 'scope_count']) {
      await runner.query(`DROP TABLE statistics.${table}`);
    }
    // Empty: the older store's own refresh fills its period rows again.
    await createPeriodFigure(runner);
  }
}
