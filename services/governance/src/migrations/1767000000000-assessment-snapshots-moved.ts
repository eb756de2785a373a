import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assessment snapshots are taken by the statistics store now, from the
 * figures it already holds, instead of by governance asking the whole graph
 * through the gateway; governance's table goes. `down` brings it back empty.
 */
export class AssessmentSnapshotsMoved1767000000000 implements MigrationInterface {
  name = 'AssessmentSnapshotsMoved1767000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE governance.assessment_snapshot`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE governance.assessment_snapshot (
        year integer NOT NULL,
        community_code varchar(12) COLLATE "C" NOT NULL REFERENCES governance.community (code),
        score numeric(5, 1),
        components jsonb NOT NULL,
        targets_missed text[] NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (year, community_code)
      )`);
    await runner.query(`CREATE INDEX assessment_snapshot_year_score_idx ON governance.assessment_snapshot (year, score DESC)`);
  }
}
