import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createStreetMonthSummary, dropStreetMonthSummary } from '@shequ/kit';
import { INCIDENTS_BY_OCCURRENCE, LEGAL_SERVICE_REACH, MEDIATIONS_BY_CLOSING, MEDIATIONS_BY_RECEIPT } from '../community/safety-summaries';

const SUMMARIES = [INCIDENTS_BY_OCCURRENCE, MEDIATIONS_BY_RECEIPT, MEDIATIONS_BY_CLOSING, LEGAL_SERVICE_REACH];

/**
 * Street-by-month sums of incidents, mediation cases and legal services'
 * reach, kept by triggers: a region's figures add up whole months from them
 * and read only the window's partial first month from the facts.
 */
export class StreetMonthSummaries1764900000000 implements MigrationInterface {
  name = 'StreetMonthSummaries1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const summary of SUMMARIES) {
      await createStreetMonthSummary(runner, summary);
    }
    // The window's edge month and the mediation median are found by time, whatever the region.
    await runner.query(`CREATE INDEX safety_incident_occurred_idx ON public_safety.safety_incident (occurred_at)`);
    await runner.query(`CREATE INDEX mediation_case_received_idx ON public_safety.mediation_case (received_on)`);
    await runner.query(`CREATE INDEX mediation_case_closed_on_idx ON public_safety.mediation_case (closed_on) INCLUDE (community_code, days_to_close) WHERE closed_on IS NOT NULL`);
    await runner.query(`CREATE INDEX legal_service_held_idx ON public_safety.legal_service (held_on)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const index of ['legal_service_held_idx', 'mediation_case_closed_on_idx', 'mediation_case_received_idx', 'safety_incident_occurred_idx']) {
      await runner.query(`DROP INDEX public_safety.${index}`);
    }
    for (const summary of [...SUMMARIES].reverse()) {
      await dropStreetMonthSummary(runner, summary);
    }
  }
}
