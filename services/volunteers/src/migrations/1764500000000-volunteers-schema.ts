import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Volunteers, teams, activities with their sign-ups and service hours, the
 * time bank's redemptions, and intermediary/social organisations with the
 * communities they serve. Every row that belongs to a community carries a
 * C-collated community_code so a region rolls up by an indexed prefix range.
 */
export class VolunteersSchema1764500000000 implements MigrationInterface {
  name = 'VolunteersSchema1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE volunteers.volunteer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_code varchar(12) COLLATE "C" NOT NULL,
        account_sub text UNIQUE,
        name text NOT NULL,
        phone text NOT NULL,
        id_number text NOT NULL UNIQUE,
        skills text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE', 'WITHDRAWN')),
        registered_on date NOT NULL,
        -- confirmed hours minus redemptions, kept in step with both in the same transaction
        hour_balance numeric(9, 2) NOT NULL DEFAULT 0 CHECK (hour_balance >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX volunteer_community_idx ON volunteers.volunteer (community_code)`);
    await runner.query(`CREATE INDEX volunteer_community_registered_idx ON volunteers.volunteer (community_code, registered_on)`);

    await runner.query(`
      CREATE TABLE volunteers.organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL,
        functions text[] NOT NULL DEFAULT '{}',
        stage text NOT NULL DEFAULT 'INCUBATING' CHECK (stage IN ('INCUBATING', 'REGISTERED', 'ACTIVE', 'SUSPENDED')),
        registration_number text UNIQUE,
        registered_on date,
        staff_count integer NOT NULL DEFAULT 0 CHECK (staff_count >= 0),
        volunteer_count integer NOT NULL DEFAULT 0 CHECK (volunteer_count >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX organization_stage_idx ON volunteers.organization (stage)`);
    await runner.query(`
      CREATE TABLE volunteers.organization_community (
        organization_id uuid NOT NULL REFERENCES volunteers.organization (id) ON DELETE CASCADE,
        community_code varchar(12) COLLATE "C" NOT NULL,
        PRIMARY KEY (organization_id, community_code)
      )`);
    await runner.query(`CREATE INDEX organization_community_code_idx ON volunteers.organization_community (community_code, organization_id)`);

    await runner.query(`
      CREATE TABLE volunteers.team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        community_code varchar(12) COLLATE "C" NOT NULL,
        organization_id uuid REFERENCES volunteers.organization (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX team_community_idx ON volunteers.team (community_code)`);
    await runner.query(`
      CREATE TABLE volunteers.team_member (
        team_id uuid NOT NULL REFERENCES volunteers.team (id),
        volunteer_id uuid NOT NULL REFERENCES volunteers.volunteer (id),
        role text NOT NULL CHECK (role IN ('LEADER', 'MEMBER')),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, volunteer_id)
      )`);
    await runner.query(`CREATE INDEX team_member_volunteer_idx ON volunteers.team_member (volunteer_id)`);

    await runner.query(`
      CREATE TABLE volunteers.activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        category text NOT NULL,
        community_code varchar(12) COLLATE "C" NOT NULL,
        organiser_team_id uuid REFERENCES volunteers.team (id),
        organiser_organization_id uuid REFERENCES volunteers.organization (id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        places integer NOT NULL CHECK (places > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK ((organiser_team_id IS NULL) <> (organiser_organization_id IS NULL))
      )`);
    await runner.query(`CREATE INDEX activity_community_idx ON volunteers.activity (community_code)`);
    await runner.query(`CREATE INDEX activity_community_starts_idx ON volunteers.activity (community_code, starts_at)`);

    // One row per volunteer per activity: the sign-up, then attendance and hours, then the organiser's confirmation.
    // community_code and served_on copy the activity's, so hour roll-ups need no join.
    await runner.query(`
      CREATE TABLE volunteers.activity_signup (
        activity_id uuid NOT NULL REFERENCES volunteers.activity (id),
        volunteer_id uuid NOT NULL REFERENCES volunteers.volunteer (id),
        community_code varchar(12) COLLATE "C" NOT NULL,
        served_on date NOT NULL,
        signed_up_at timestamptz NOT NULL DEFAULT now(),
        attended boolean,
        hours numeric(6, 2) CHECK (hours IS NULL OR (hours > 0 AND hours <= 24)),
        confirmed_at timestamptz,
        confirmed_by text,
        PRIMARY KEY (activity_id, volunteer_id),
        CHECK (confirmed_at IS NULL OR hours IS NOT NULL)
      )`);
    await runner.query(`CREATE INDEX activity_signup_community_idx ON volunteers.activity_signup (community_code)`);
    await runner.query(`CREATE INDEX activity_signup_community_served_idx ON volunteers.activity_signup (community_code, served_on) WHERE confirmed_at IS NOT NULL`);
    await runner.query(`CREATE INDEX activity_signup_volunteer_idx ON volunteers.activity_signup (volunteer_id, served_on)`);

    await runner.query(`
      CREATE TABLE volunteers.hour_redemption (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        volunteer_id uuid NOT NULL REFERENCES volunteers.volunteer (id),
        community_code varchar(12) COLLATE "C" NOT NULL,
        hours numeric(6, 2) NOT NULL CHECK (hours > 0),
        service text NOT NULL,
        redeemed_at timestamptz NOT NULL DEFAULT now(),
        recorded_by text
      )`);
    await runner.query(`CREATE INDEX hour_redemption_community_idx ON volunteers.hour_redemption (community_code)`);
    await runner.query(`CREATE INDEX hour_redemption_volunteer_idx ON volunteers.hour_redemption (volunteer_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['hour_redemption', 'activity_signup', 'activity', 'team_member', 'team', 'organization_community', 'organization', 'volunteer']) {
      await runner.query(`DROP TABLE volunteers.${table}`);
    }
  }
}
