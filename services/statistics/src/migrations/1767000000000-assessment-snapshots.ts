import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Yearly assessment snapshots, which the store now takes itself (they were
 * governance's, taken by asking the whole graph through the gateway). Earlier
 * snapshots are not copied: any year the store holds can be taken again.
 */
export class AssessmentSnapshots1767000000000 implements MigrationInterface {
  name = 'AssessmentSnapshots1767000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE statistics.assessment_snapshot (
        year smallint NOT NULL,
        community_code varchar(12) COLLATE "C" NOT NULL,
        score double precision,
        components jsonb NOT NULL,
        targets_missed text[] NOT NULL,
        PRIMARY KEY (year, community_code)
      )`);
    // Rankings read a year's snapshot best first within a region.
    await runner.query(`CREATE INDEX assessment_snapshot_year_score_idx ON statistics.assessment_snapshot (year, score DESC NULLS LAST, community_code)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE statistics.assessment_snapshot`);
  }
}
