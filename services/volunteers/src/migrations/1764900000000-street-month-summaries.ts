import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createStreetMonthSummary, dropStreetMonthSummary } from '@shequ/kit';
import { ACTIVITIES_BY_START, CONFIRMED_HOURS, VOLUNTEERS_BY_LAST_SERVICE } from '../community/volunteer-summaries';

const SUMMARIES = [VOLUNTEERS_BY_LAST_SERVICE, CONFIRMED_HOURS, ACTIVITIES_BY_START];

/**
 * Street-by-month sums of volunteers, confirmed hours and activities, kept
 * by triggers: a region's figures add up whole months from them and read
 * only the partial months at the window's ends from the facts, so the
 * province roll-up no longer scans millions of sign-ups.
 */
export class StreetMonthSummaries1764900000000 implements MigrationInterface {
  name = 'StreetMonthSummaries1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const summary of SUMMARIES) {
      await createStreetMonthSummary(runner, summary);
    }
    // The facts of a window's edge months are found by their time, whatever the region.
    await runner.query(`CREATE INDEX volunteer_last_served_idx ON volunteers.volunteer (last_served_on)`);
    await runner.query(`CREATE INDEX activity_signup_served_idx ON volunteers.activity_signup (served_on) WHERE confirmed_at IS NOT NULL`);
    await runner.query(`CREATE INDEX activity_starts_idx ON volunteers.activity (starts_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX volunteers.activity_starts_idx`);
    await runner.query(`DROP INDEX volunteers.activity_signup_served_idx`);
    await runner.query(`DROP INDEX volunteers.volunteer_last_served_idx`);
    for (const summary of [...SUMMARIES].reverse()) {
      await dropStreetMonthSummary(runner, summary);
    }
  }
}
