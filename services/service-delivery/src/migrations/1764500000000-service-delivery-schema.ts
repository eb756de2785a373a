import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SERVICE_CATEGORIES, SERVICE_OFFERINGS } from '../catalogue/catalogue.data';

/**
 * Facilities, the service catalogue, service requests with their
 * transitions, and investment. Every row that belongs to a community keys on
 * its C-collated code so that region roll-ups are index range scans.
 */
export class ServiceDelivery1764500000000 implements MigrationInterface {
  name = 'ServiceDelivery1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE service_delivery.service_facility (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_code varchar(12) COLLATE "C" NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('ELDERLY_CARE', 'DISABILITY_SERVICES', 'CHILD_WELFARE', 'HEALTH_STATION', 'CANTEEN', 'BATHHOUSE', 'SPORTS_GROUND', 'CULTURE_EDUCATION_ROOM', 'COMMUNITY_SERVICE_CENTRE', 'OTHER')),
        ownership text NOT NULL CHECK (ownership IN ('GOVERNMENT', 'ENTERPRISE', 'PUBLIC_INSTITUTION', 'NGO', 'PRIVATE')),
        shared_by_unit boolean NOT NULL DEFAULT false,
        capacity integer NOT NULL CHECK (capacity >= 0),
        opening_hours text,
        address text,
        status text NOT NULL CHECK (status IN ('OPERATING', 'SUSPENDED', 'CLOSED')),
        registered_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX service_facility_community_idx ON service_delivery.service_facility (community_code)`);
    await runner.query(`CREATE INDEX service_facility_community_kind_idx ON service_delivery.service_facility (community_code, kind)`);

    await runner.query(`CREATE TABLE service_delivery.service_category (code text PRIMARY KEY, name text NOT NULL)`);
    await runner.query(`
      CREATE TABLE service_delivery.service_offering (
        code text PRIMARY KEY,
        category_code text NOT NULL REFERENCES service_delivery.service_category (code),
        name text NOT NULL,
        description text NOT NULL,
        provider_type text NOT NULL,
        fee text NOT NULL CHECK (fee IN ('FREE', 'SUBSIDISED', 'MARKET'))
      )`);

    await runner.query(`
      CREATE TABLE service_delivery.service_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_code varchar(12) COLLATE "C" NOT NULL,
        service_code text NOT NULL REFERENCES service_delivery.service_offering (code),
        description text NOT NULL CHECK (length(description) <= 2000),
        channel text NOT NULL CHECK (channel IN ('COUNTER', 'PHONE', 'APP', 'VISIT')),
        status text NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED')),
        submitter_sub text NOT NULL,
        idempotency_key text NOT NULL,
        contact_name text,
        contact_phone text,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz,
        started_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        rejected_at timestamptz,
        rejection_reason text,
        satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),
        rated_at timestamptz,
        -- a retried submission (same submitter, same key) finds the first one instead of creating another
        CONSTRAINT service_request_idempotency_key UNIQUE (submitter_sub, idempotency_key),
        CHECK (status <> 'REJECTED' OR rejection_reason IS NOT NULL),
        CHECK (satisfaction IS NULL OR resolved_at IS NOT NULL)
      )`);
    await runner.query(`CREATE INDEX service_request_community_idx ON service_delivery.service_request (community_code)`);
    await runner.query(`CREATE INDEX service_request_community_submitted_idx ON service_delivery.service_request (community_code, submitted_at)`);
    await runner.query(`CREATE INDEX service_request_community_resolved_idx ON service_delivery.service_request (community_code, resolved_at) WHERE resolved_at IS NOT NULL`);
    await runner.query(`CREATE INDEX service_request_open_idx ON service_delivery.service_request (community_code) WHERE status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')`);

    await runner.query(`
      CREATE TABLE service_delivery.service_request_transition (
        id bigserial PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES service_delivery.service_request (id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        actor_sub text NOT NULL,
        actor_roles text[] NOT NULL,
        note text,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX service_request_transition_request_idx ON service_delivery.service_request_transition (request_id, occurred_at)`);

    await runner.query(`
      CREATE TABLE service_delivery.service_investment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_code varchar(12) COLLATE "C" NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 1949 AND 2200),
        source text NOT NULL CHECK (source IN ('STATE', 'ENTERPRISE', 'PUBLIC_INSTITUTION', 'PRIVATE', 'DONATIONS')),
        amount numeric(16, 2) NOT NULL CHECK (amount >= 0),
        purpose text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX service_investment_community_idx ON service_delivery.service_investment (community_code)`);
    // A year's investment of any region, from the index alone.
    await runner.query(`CREATE INDEX service_investment_year_community_idx ON service_delivery.service_investment (year, community_code) INCLUDE (amount)`);

    await runner.query(`INSERT INTO service_delivery.service_category (code, name) SELECT * FROM unnest($1::text[], $2::text[])`, [
      SERVICE_CATEGORIES.map((category) => category.code),
      SERVICE_CATEGORIES.map((category) => category.name),
    ]);
    await runner.query(
      `INSERT INTO service_delivery.service_offering (code, category_code, name, description, provider_type, fee)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [
        SERVICE_OFFERINGS.map((offering) => offering.code),
        SERVICE_OFFERINGS.map((offering) => offering.categoryCode),
        SERVICE_OFFERINGS.map((offering) => offering.name),
        SERVICE_OFFERINGS.map((offering) => offering.description),
        SERVICE_OFFERINGS.map((offering) => offering.providerType),
        SERVICE_OFFERINGS.map((offering) => offering.fee),
      ],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE service_delivery.service_investment`);
    await runner.query(`DROP TABLE service_delivery.service_request_transition`);
    await runner.query(`DROP TABLE service_delivery.service_request`);
    await runner.query(`DROP TABLE service_delivery.service_offering`);
    await runner.query(`DROP TABLE service_delivery.service_category`);
    await runner.query(`DROP TABLE service_delivery.service_facility`);
  }
}
