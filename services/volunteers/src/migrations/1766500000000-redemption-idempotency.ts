import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A redemption may carry the idempotency key its client chose, unique per
 * recorder, so that a redemption sent again after a lost answer finds the
 * first instead of debiting the time bank twice. Existing rows have none.
 */
export class RedemptionIdempotency1766500000000 implements MigrationInterface {
  name = 'RedemptionIdempotency1766500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE volunteers.hour_redemption ADD COLUMN idempotency_key text`);
    await runner.query(`ALTER TABLE volunteers.hour_redemption ADD CONSTRAINT hour_redemption_idempotency_key UNIQUE (recorded_by, idempotency_key)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE volunteers.hour_redemption DROP CONSTRAINT hour_redemption_idempotency_key`);
    await runner.query(`ALTER TABLE volunteers.hour_redemption DROP COLUMN idempotency_key`);
  }
}
