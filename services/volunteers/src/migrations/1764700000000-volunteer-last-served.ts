import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each volunteer's latest confirmed service day, kept on the volunteer row by
 * statement-level triggers on sign-ups (so bulk loads pay one UPDATE per
 * statement): "active in the last 12 months" becomes an indexed comparison
 * instead of a probe into the sign-ups for every volunteer, which made the
 * province roll-up take seconds.
 */
export class VolunteerLastServed1764700000000 implements MigrationInterface {
  name = 'VolunteerLastServed1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE volunteers.volunteer ADD COLUMN last_served_on date`);
    await runner.query(`
      UPDATE volunteers.volunteer v SET last_served_on = s.last
      FROM (SELECT volunteer_id, max(served_on) AS last FROM volunteers.activity_signup WHERE confirmed_at IS NOT NULL GROUP BY volunteer_id) s
      WHERE v.id = s.volunteer_id`);
    await runner.query(`
      CREATE FUNCTION volunteers.note_service_days() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE volunteers.volunteer v SET last_served_on = greatest(v.last_served_on, s.last)
        FROM (SELECT volunteer_id, max(served_on) AS last FROM changed WHERE confirmed_at IS NOT NULL GROUP BY volunteer_id) s
        WHERE v.id = s.volunteer_id;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER activity_signup_served_insert AFTER INSERT ON volunteers.activity_signup
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION volunteers.note_service_days()`);
    await runner.query(`
      CREATE TRIGGER activity_signup_served_update AFTER UPDATE ON volunteers.activity_signup
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION volunteers.note_service_days()`);
    await runner.query(`CREATE INDEX volunteer_community_last_served_idx ON volunteers.volunteer (community_code, last_served_on)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER activity_signup_served_update ON volunteers.activity_signup`);
    await runner.query(`DROP TRIGGER activity_signup_served_insert ON volunteers.activity_signup`);
    await runner.query(`DROP FUNCTION volunteers.note_service_days()`);
    await runner.query(`ALTER TABLE volunteers.volunteer DROP COLUMN last_served_on`);
  }
}
