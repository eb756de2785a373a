import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every public-safety table. Rows that belong to a community carry its code
 * with a `COLLATE "C"` btree index, so a region rolls up with a range scan
 * on the prefix; composite indexes lead with the code and follow with the
 * date the stats window on.
 */
export class PublicSafetySchema1764500000000 implements MigrationInterface {
  name = 'PublicSafetySchema1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE public_safety.police_liaison (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_code varchar(12) COLLATE "C" NOT NULL,
        officer_name text NOT NULL,
        officer_phone text NOT NULL,
        station text NOT NULL,
        since date NOT NULL,
        until date,
        CHECK (until IS NULL OR until >= since)
      )`);
    // "One community, one officer": at most one current assignment per community.
    await runner.query(`CREATE UNIQUE INDEX police_liaison_current_idx ON public_safety.police_liaison (community_code) WHERE until IS NULL`);
    await runner.query(`CREATE INDEX police_liaison_community_code_idx ON public_safety.police_liaison (community_code)`);

    await runner.query(`
      CREATE TABLE public_safety.safety_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_code varchar(12) COLLATE "C" NOT NULL,
        kind text NOT NULL CHECK (kind IN ('SECURITY_COMMITTEE', 'PATROL_GROUP')),
        name text NOT NULL,
        members integer NOT NULL CHECK (members >= 0)
      )`);
    await runner.query(`CREATE INDEX safety_group_community_code_idx ON public_safety.safety_group (community_code)`);

    await runner.query(`
      CREATE TABLE public_safety.patrol (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_code varchar(12) COLLATE "C" NOT NULL,
        group_id uuid REFERENCES public_safety.safety_group (id),
        patrolled_on date NOT NULL,
        hours numeric(5, 1) NOT NULL CHECK (hours > 0 AND hours <= 24),
        participants integer NOT NULL CHECK (participants > 0),
        joint_with_police boolean NOT NULL
      )`);
    await runner.query(`CREATE INDEX patrol_community_code_idx ON public_safety.patrol (community_code, patrolled_on)`);

    await runner.query(`
      CREATE TABLE public_safety.safety_incident (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_code varchar(12) COLLATE "C" NOT NULL,
        category text NOT NULL CHECK (category IN ('THEFT', 'FRAUD', 'FIRE', 'TRAFFIC', 'DRUGS', 'PUBLIC_ORDER', 'DISPUTE_ESCALATION', 'OTHER')),
        severity text NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
        occurred_at timestamptz NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL CHECK (status IN ('REPORTED', 'INVESTIGATING', 'RESOLVED', 'DISMISSED')),
        summary text NOT NULL
      )`);
    await runner.query(`CREATE INDEX safety_incident_community_code_idx ON public_safety.safety_incident (community_code, occurred_at)`);

    await runner.query(`
      CREATE TABLE public_safety.mediation_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_code varchar(12) COLLATE "C" NOT NULL,
        category text NOT NULL CHECK (category IN ('NEIGHBOURS', 'FAMILY', 'PROPERTY', 'LABOUR', 'CONSUMER', 'OTHER')),
        received_on date NOT NULL,
        mediator text NOT NULL,
        outcome text CHECK (outcome IN ('AGREEMENT_REACHED', 'REFERRED', 'FAILED')),
        closed_on date,
        days_to_close integer GENERATED ALWAYS AS (closed_on - received_on) STORED,
        CHECK ((outcome IS NULL) = (closed_on IS NULL)),
        CHECK (closed_on IS NULL OR closed_on >= received_on)
      )`);
    await runner.query(`CREATE INDEX mediation_case_community_code_idx ON public_safety.mediation_case (community_code, received_on)`);
    await runner.query(`CREATE INDEX mediation_case_closed_idx ON public_safety.mediation_case (community_code, closed_on) WHERE closed_on IS NOT NULL`);

    await runner.query(`
      CREATE TABLE public_safety.legal_service (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_code varchar(12) COLLATE "C" NOT NULL,
        kind text NOT NULL CHECK (kind IN ('EDUCATION_SESSION', 'CONSULTATION', 'LEGAL_AID_CASE')),
        held_on date NOT NULL,
        people_reached integer NOT NULL CHECK (people_reached >= 0),
        topic text NOT NULL
      )`);
    await runner.query(`CREATE INDEX legal_service_community_code_idx ON public_safety.legal_service (community_code, held_on)`);

    await runner.query(`
      CREATE TABLE public_safety.inspection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_code varchar(12) COLLATE "C" NOT NULL,
        target_kind text NOT NULL CHECK (target_kind IN ('RENTAL_HOUSING', 'ENTERTAINMENT_VENUE', 'COMMERCIAL_AREA')),
        target_name text NOT NULL,
        inspected_on date NOT NULL
      )`);
    await runner.query(`CREATE INDEX inspection_community_code_idx ON public_safety.inspection (community_code, inspected_on)`);

    // Hazards carry their community's code too, so open hazards roll up without a join.
    await runner.query(`
      CREATE TABLE public_safety.inspection_hazard (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        inspection_id uuid NOT NULL REFERENCES public_safety.inspection (id),
        community_code varchar(12) COLLATE "C" NOT NULL,
        description text NOT NULL,
        fixed_on date
      )`);
    await runner.query(`CREATE INDEX inspection_hazard_inspection_id_idx ON public_safety.inspection_hazard (inspection_id)`);
    await runner.query(`CREATE INDEX inspection_hazard_community_code_idx ON public_safety.inspection_hazard (community_code) WHERE fixed_on IS NULL`);

    await runner.query(`
      CREATE TABLE public_safety.supervised_person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_code varchar(12) COLLATE "C" NOT NULL,
        category text NOT NULL CHECK (category IN ('RELEASED_PRISONER', 'COMMUNITY_CORRECTION', 'DRUG_REHABILITATION')),
        full_name text NOT NULL,
        id_number varchar(18) NOT NULL,
        phone text,
        supervised_from date NOT NULL,
        supervised_until date,
        caseworker text NOT NULL,
        assistance_plan text NOT NULL,
        education_plan text NOT NULL,
        plan_updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (supervised_until IS NULL OR supervised_until >= supervised_from)
      )`);
    await runner.query(`CREATE INDEX supervised_person_community_code_idx ON public_safety.supervised_person (community_code)`);

    await runner.query(`
      CREATE TABLE public_safety.community_month_count (
        community_code varchar(12) COLLATE "C" NOT NULL,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        juvenile_programmes integer NOT NULL CHECK (juvenile_programmes >= 0),
        juvenile_participants integer NOT NULL CHECK (juvenile_participants >= 0),
        floating_population_registrations integer NOT NULL CHECK (floating_population_registrations >= 0),
        PRIMARY KEY (community_code, month)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'community_month_count',
      'supervised_person',
      'inspection_hazard',
      'inspection',
      'legal_service',
      'mediation_case',
      'safety_incident',
      'patrol',
      'safety_group',
      'police_liaison',
    ]) {
      await runner.query(`DROP TABLE public_safety.${table}`);
    }
  }
}
