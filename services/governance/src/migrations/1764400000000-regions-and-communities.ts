import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Regions and communities, keyed by division code; codes are C-collated so prefix ranges use the primary key index. */
export class RegionsAndCommunities1764400000000 implements MigrationInterface {
  name = 'RegionsAndCommunities1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE governance.region (
        code varchar(9) COLLATE "C" PRIMARY KEY CHECK (code ~ '^[0-9]{6}([0-9]{3})?$'),
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('PROVINCE', 'PREFECTURE', 'COUNTY', 'STREET')),
        parent_code varchar(9) COLLATE "C" REFERENCES governance.region (code),
        population integer NOT NULL CHECK (population >= 0),
        households integer NOT NULL CHECK (households >= 0),
        synthetic boolean NOT NULL DEFAULT false
      )`);
    await runner.query(`CREATE INDEX region_parent_code_idx ON governance.region (parent_code)`);
    await runner.query(`
      CREATE TABLE governance.community (
        code varchar(12) COLLATE "C" PRIMARY KEY CHECK (code ~ '^[0-9]{12}$'),
        name text NOT NULL,
        street_code varchar(9) COLLATE "C" NOT NULL REFERENCES governance.region (code),
        population integer NOT NULL CHECK (population >= 0),
        households integer NOT NULL CHECK (households >= 0),
        tier text NOT NULL CHECK (tier IN ('ADVANCED', 'STANDARD', 'FOUNDATIONAL')),
        synthetic boolean NOT NULL DEFAULT false
      )`);
    await runner.query(`CREATE INDEX community_street_code_idx ON governance.community (street_code)`);
    await runner.query(`CREATE INDEX community_tier_code_idx ON governance.community (tier, code)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE governance.community`);
    await runner.query(`DROP TABLE governance.region`);
  }
}
