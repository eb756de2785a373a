import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit_log table for a subgraph's schema, append-only: a trigger raises
 * on UPDATE or DELETE, so no application code path can rewrite history.
 * Each subgraph lists `auditLogMigration('<schema>')` among its migrations.
 */
export function auditLogMigration(schema: string): new () => MigrationInterface {
  return class AuditLog1764400000001 implements MigrationInterface {
    name = 'AuditLog1764400000001';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`
        CREATE TABLE "${schema}".audit_log (
          id bigserial PRIMARY KEY,
          occurred_at timestamptz NOT NULL DEFAULT now(),
          actor_sub text,
          actor_roles text[] NOT NULL,
          operation text NOT NULL,
          target_type text NOT NULL,
          target_ids text[] NOT NULL,
          request_id text
        )`);
      await runner.query(`CREATE INDEX audit_log_occurred_at_idx ON "${schema}".audit_log (occurred_at)`);
      await runner.query(`
        CREATE FUNCTION "${schema}".audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
      await runner.query(`
        CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "${schema}".audit_log
        FOR EACH ROW EXECUTE FUNCTION "${schema}".audit_log_is_append_only()`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`DROP TABLE "${schema}".audit_log`);
      await runner.query(`DROP FUNCTION "${schema}".audit_log_is_append_only()`);
    }
  };
}
