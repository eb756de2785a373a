import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder first migration; replaced by the department's tables. */
export class Schema1764500000000 implements MigrationInterface {
  name = 'Schema1764500000000';

  async up(_runner: QueryRunner): Promise<void> {}

  async down(_runner: QueryRunner): Promise<void> {}
}
