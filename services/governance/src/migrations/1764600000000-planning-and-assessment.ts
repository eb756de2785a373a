import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans, targets, measures, practical projects, demonstration units,
 * community capacity, the tier templates and assessment snapshots. The tier
 * templates start with the programme's defaults (indicators.ts, as of this
 * migration) and are edited as data afterwards.
 */
export class PlanningAndAssessment1764600000000 implements MigrationInterface {
  name = 'PlanningAndAssessment1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE governance.community_capacity (
        community_code varchar(12) COLLATE "C" PRIMARY KEY REFERENCES governance.community (code),
        office_space_m2 numeric(8, 1) NOT NULL CHECK (office_space_m2 >= 0),
        activity_space_m2 numeric(8, 1) NOT NULL CHECK (activity_space_m2 >= 0),
        network_access boolean NOT NULL,
        staff integer NOT NULL CHECK (staff >= 0),
        professional_social_workers integer NOT NULL CHECK (professional_social_workers >= 0),
        last_election_on date,
        election_turnout numeric(4, 3) CHECK (election_turnout BETWEEN 0 AND 1),
        council_meetings_per_year integer NOT NULL CHECK (council_meetings_per_year >= 0)
      )`);
    await runner.query(`
      CREATE TABLE governance.tier_target (
        tier text NOT NULL CHECK (tier IN ('ADVANCED', 'STANDARD', 'FOUNDATIONAL')),
        indicator text NOT NULL,
        target numeric NOT NULL CHECK (target >= 0),
        PRIMARY KEY (tier, indicator)
      )`);
    await runner.query(`
      INSERT INTO governance.tier_target (tier, indicator, target) VALUES
        ('ADVANCED', 'WELFARE_FACILITIES_PER_1000', 1.0), ('STANDARD', 'WELFARE_FACILITIES_PER_1000', 0.6), ('FOUNDATIONAL', 'WELFARE_FACILITIES_PER_1000', 0.3),
        ('ADVANCED', 'REQUESTS_RESOLVED_WITHIN_15_DAYS', 0.9), ('STANDARD', 'REQUESTS_RESOLVED_WITHIN_15_DAYS', 0.8), ('FOUNDATIONAL', 'REQUESTS_RESOLVED_WITHIN_15_DAYS', 0.7),
        ('ADVANCED', 'VOLUNTEERS_PER_100', 10), ('STANDARD', 'VOLUNTEERS_PER_100', 6), ('FOUNDATIONAL', 'VOLUNTEERS_PER_100', 3),
        ('ADVANCED', 'ACTIVE_VOLUNTEER_SHARE', 0.6), ('STANDARD', 'ACTIVE_VOLUNTEER_SHARE', 0.5), ('FOUNDATIONAL', 'ACTIVE_VOLUNTEER_SHARE', 0.4),
        ('ADVANCED', 'INCIDENTS_PER_1000', 2), ('STANDARD', 'INCIDENTS_PER_1000', 4), ('FOUNDATIONAL', 'INCIDENTS_PER_1000', 6),
        ('ADVANCED', 'MEDIATION_AGREEMENT_RATE', 0.9), ('STANDARD', 'MEDIATION_AGREEMENT_RATE', 0.85), ('FOUNDATIONAL', 'MEDIATION_AGREEMENT_RATE', 0.8),
        ('ADVANCED', 'POLICE_LIAISON_COVERAGE', 1), ('STANDARD', 'POLICE_LIAISON_COVERAGE', 1), ('FOUNDATIONAL', 'POLICE_LIAISON_COVERAGE', 1),
        ('ADVANCED', 'PRACTICAL_PROJECTS_COMPLETED', 0.9), ('STANDARD', 'PRACTICAL_PROJECTS_COMPLETED', 0.8), ('FOUNDATIONAL', 'PRACTICAL_PROJECTS_COMPLETED', 0.7),
        ('ADVANCED', 'OFFICE_SPACE_M2', 500), ('STANDARD', 'OFFICE_SPACE_M2', 300), ('FOUNDATIONAL', 'OFFICE_SPACE_M2', 200),
        ('ADVANCED', 'PROFESSIONAL_SOCIAL_WORKERS', 3), ('STANDARD', 'PROFESSIONAL_SOCIAL_WORKERS', 2), ('FOUNDATIONAL', 'PROFESSIONAL_SOCIAL_WORKERS', 1),
        ('ADVANCED', 'COUNCIL_MEETINGS_PER_YEAR', 6), ('STANDARD', 'COUNCIL_MEETINGS_PER_YEAR', 4), ('FOUNDATIONAL', 'COUNCIL_MEETINGS_PER_YEAR', 2)`);
    await runner.query(`
      CREATE TABLE governance.plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_code varchar(9) COLLATE "C" NOT NULL REFERENCES governance.region (code),
        kind text NOT NULL CHECK (kind IN ('FIVE_YEAR', 'ANNUAL')),
        parent_plan_id uuid REFERENCES governance.plan (id),
        title text NOT NULL,
        start_year integer NOT NULL,
        end_year integer NOT NULL CHECK (end_year >= start_year),
        status text NOT NULL CHECK (status IN ('DRAFT', 'APPROVED', 'IN_FORCE', 'CLOSED')),
        approving_body text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX plan_region_code_idx ON governance.plan (region_code, start_year)`);
    await runner.query(`
      CREATE TABLE governance.plan_target (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES governance.plan (id),
        indicator text NOT NULL,
        description text NOT NULL,
        baseline numeric,
        target_value numeric NOT NULL,
        unit text NOT NULL,
        due_year integer NOT NULL,
        tiers text[] NOT NULL,
        progress numeric,
        progress_note text,
        progress_updated_at timestamptz
      )`);
    await runner.query(`CREATE INDEX plan_target_plan_id_idx ON governance.plan_target (plan_id)`);
    await runner.query(`
      CREATE TABLE governance.plan_measure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES governance.plan (id),
        description text NOT NULL,
        lead_department text NOT NULL,
        supporting_departments text[] NOT NULL,
        status text NOT NULL CHECK (status IN ('PLANNED', 'UNDERWAY', 'DONE', 'DROPPED')),
        due_date date
      )`);
    await runner.query(`CREATE INDEX plan_measure_plan_id_idx ON governance.plan_measure (plan_id)`);
    await runner.query(`
      CREATE TABLE governance.practical_project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_code varchar(12) COLLATE "C" NOT NULL REFERENCES governance.community (code),
        year integer NOT NULL,
        title text NOT NULL,
        budget numeric(14, 2) NOT NULL CHECK (budget >= 0),
        funding_source text NOT NULL,
        status text NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
        completed_at timestamptz
      )`);
    await runner.query(`CREATE INDEX practical_project_community_year_idx ON governance.practical_project (community_code, year)`);
    await runner.query(`
      CREATE TABLE governance.demonstration_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(12) COLLATE "C" NOT NULL,
        level text NOT NULL CHECK (level IN ('PROVINCIAL', 'MUNICIPAL')),
        year integer NOT NULL,
        practice text NOT NULL,
        UNIQUE (code, level, year)
      )`);
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

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['assessment_snapshot', 'demonstration_unit', 'practical_project', 'plan_measure', 'plan_target', 'plan', 'tier_target', 'community_capacity']) {
      await runner.query(`DROP TABLE governance.${table}`);
    }
  }
}
