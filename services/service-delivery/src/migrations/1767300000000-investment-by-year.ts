import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMonthSummary, dropMonthSummary } from '@shequ/kit';
import { INVESTMENT_BY_YEAR } from '../community/service-summaries';

/**
 * Investment is recorded by year, not by day: its summary places each
 * record on 1 January of its year (a generated column), so a region's
 * investment this year reads one row instead of every community's records.
 */
export class InvestmentByYear1767300000000 implements MigrationInterface {
  name = 'InvestmentByYear1767300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE service_delivery.service_investment ADD COLUMN year_start date GENERATED ALWAYS AS (make_date(year, 1, 1)) STORED`);
    await createMonthSummary(runner, INVESTMENT_BY_YEAR);
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropMonthSummary(runner, INVESTMENT_BY_YEAR);
    await runner.query(`ALTER TABLE service_delivery.service_investment DROP COLUMN year_start`);
  }
}
