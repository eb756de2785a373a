import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createStreetMonthSummary, dropStreetMonthSummary } from '@shequ/kit';
import { OPEN_REQUESTS, REQUESTS_BY_RESOLUTION, REQUESTS_BY_SUBMISSION } from '../stats/service-summaries';

const SUMMARIES = [REQUESTS_BY_SUBMISSION, REQUESTS_BY_RESOLUTION, OPEN_REQUESTS];

/**
 * Street-by-month sums of service requests, kept by triggers: a region's
 * request figures add up whole months from them and read only the partial
 * month at the window's start from the requests themselves, so the province
 * roll-up no longer scans a million requests.
 */
export class StreetMonthSummaries1764900000000 implements MigrationInterface {
  name = 'StreetMonthSummaries1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const summary of SUMMARIES) {
      await createStreetMonthSummary(runner, summary);
    }
    // The window's edge month and the median are found by time, whatever the region.
    await runner.query(`CREATE INDEX service_request_submitted_idx ON service_delivery.service_request (submitted_at)`);
    await runner.query(`CREATE INDEX service_request_resolved_idx ON service_delivery.service_request (resolved_at) INCLUDE (community_code, submitted_at) WHERE resolved_at IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX service_delivery.service_request_resolved_idx`);
    await runner.query(`DROP INDEX service_delivery.service_request_submitted_idx`);
    for (const summary of [...SUMMARIES].reverse()) {
      await dropStreetMonthSummary(runner, summary);
    }
  }
}
