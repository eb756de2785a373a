import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ASSESSMENT_COLUMNS } from '../catalogue/assessment-indicators';
import { ALL_FLOWS, ALL_MEMBERS, ALL_SAMPLES, ALL_STOCKS, FEED_DEPARTMENTS, REPORTING_COLUMN } from '../catalogue/measures';

const columns = (names: readonly string[], type: string) => names.map((name) => `${name} ${type}`).join(',\n');

/** The period rows of this first store (replaced by `MonthFigures1766000000000`; its `down` creates them again). */
export async function createPeriodFigure(runner: QueryRunner): Promise<void> {
  await runner.query(`
    CREATE TABLE statistics.period_figure (
      period text COLLATE "C" NOT NULL,
      tier_set smallint NOT NULL CHECK (tier_set BETWEEN 1 AND 7),
      code varchar(12) COLLATE "C" NOT NULL,
      level text NOT NULL,
      tier text,
      community_count integer NOT NULL,
      advanced integer NOT NULL,
      standard integer NOT NULL,
      foundational integer NOT NULL,
      ${columns(ALL_FLOWS, 'double precision NOT NULL')},
      ${columns(ALL_STOCKS, 'double precision')},
      ${columns(
        FEED_DEPARTMENTS.map((department) => REPORTING_COLUMN[department]),
        'integer NOT NULL',
      )},
      ${columns(
        ALL_SAMPLES.map((measure) => `median_${measure}`),
        'double precision',
      )},
      ${columns(
        ALL_MEMBERS.map((measure) => `distinct_${measure}`),
        'integer',
      )},
      ${columns(ASSESSMENT_COLUMNS, 'double precision')},
      PRIMARY KEY (period, tier_set, code)
    )`);
  // The table's one access path: a period, a set of tiers, a level and a code range.
  await runner.query(`CREATE INDEX period_figure_level_idx ON statistics.period_figure (period, tier_set, level, code)`);
}

/**
 * The analytical store. Community codes are `COLLATE "C"` so a region's
 * communities are one btree range (`codeWithinPrefix`). Raw figures are kept
 * per community and China month (`community_month`, `stock_snapshot`,
 * `sample`, `member`); `period_figure` holds every period's figures for every
 * community and region, per set of tiers, so that a table question is one
 * index range over one period's rows.
 */
export class StatisticsStore1765000000000 implements MigrationInterface {
  name = 'StatisticsStore1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE statistics.directory (
        code varchar(12) COLLATE "C" PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('PROVINCE', 'PREFECTURE', 'COUNTY', 'STREET', 'COMMUNITY')),
        parent_code varchar(12) COLLATE "C",
        tier text CHECK (tier IN ('ADVANCED', 'STANDARD', 'FOUNDATIONAL')),
        prefix varchar(12) COLLATE "C" NOT NULL
      )`);
    await runner.query(`CREATE INDEX directory_level_code_idx ON statistics.directory (level, code)`);
    // Which rows of the table each community's figures add into: itself (all tiers) and, per set of
    // tiers holding its tier, every region above it. Rebuilt with the directory; roll-ups are hash joins on it.
    await runner.query(`
      CREATE TABLE statistics.scope_member (
        scope_code varchar(12) COLLATE "C" NOT NULL,
        tier_set smallint NOT NULL,
        community_code varchar(12) COLLATE "C" NOT NULL,
        PRIMARY KEY (community_code, scope_code, tier_set)
      )`);

    await runner.query(`
      CREATE TABLE statistics.community_month (
        month char(7) COLLATE "C" NOT NULL,
        community_code varchar(12) COLLATE "C" NOT NULL,
        ${columns(ALL_FLOWS, 'double precision')},
        PRIMARY KEY (month, community_code)
      )`);

    await runner.query(`
      CREATE TABLE statistics.stock_snapshot (
        month char(7) COLLATE "C" NOT NULL,
        community_code varchar(12) COLLATE "C" NOT NULL,
        ${columns(ALL_STOCKS, 'double precision')},
        ${columns(
          FEED_DEPARTMENTS.map((department) => REPORTING_COLUMN[department]),
          'boolean NOT NULL DEFAULT false',
        )},
        PRIMARY KEY (month, community_code)
      )`);
    await runner.query(`CREATE INDEX stock_snapshot_community_idx ON statistics.stock_snapshot (community_code, month)`);

    await runner.query(`
      CREATE TABLE statistics.sample (
        month char(7) COLLATE "C" NOT NULL,
        community_code varchar(12) COLLATE "C" NOT NULL,
        measure text NOT NULL,
        value double precision NOT NULL,
        count integer NOT NULL CHECK (count > 0),
        PRIMARY KEY (month, community_code, measure, value)
      )`);

    await runner.query(`
      CREATE TABLE statistics.member (
        month char(7) COLLATE "C" NOT NULL,
        community_code varchar(12) COLLATE "C" NOT NULL,
        measure text NOT NULL,
        member text NOT NULL,
        PRIMARY KEY (month, community_code, measure, member)
      )`);

    await runner.query(`
      CREATE TABLE statistics.assessment_template (
        indicator text NOT NULL,
        component text NOT NULL,
        comparison text NOT NULL CHECK (comparison IN ('AT_LEAST', 'AT_MOST')),
        unit text NOT NULL,
        tier text NOT NULL CHECK (tier IN ('ADVANCED', 'STANDARD', 'FOUNDATIONAL')),
        target double precision NOT NULL,
        PRIMARY KEY (indicator, tier)
      )`);

    await runner.query(`
      CREATE TABLE statistics.month_fingerprint (
        department text NOT NULL,
        month char(7) COLLATE "C" NOT NULL,
        rows integer NOT NULL,
        fingerprint text NOT NULL,
        PRIMARY KEY (department, month)
      )`);

    await runner.query(`
      CREATE TABLE statistics.refresh_log (
        id serial PRIMARY KEY,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        "full" boolean NOT NULL,
        months_collected integer NOT NULL DEFAULT 0,
        rows_written integer NOT NULL DEFAULT 0,
        departments text[] NOT NULL DEFAULT '{}'
      )`);

    await createPeriodFigure(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['period_figure', 'refresh_log', 'month_fingerprint', 'assessment_template', 'member', 'sample', 'stock_snapshot', 'community_month', 'scope_member', 'directory']) {
      await runner.query(`DROP TABLE statistics.${table}`);
    }
  }
}
