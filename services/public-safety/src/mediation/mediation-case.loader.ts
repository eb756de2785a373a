import type { DataSource } from 'typeorm';
import type { CursorPart } from '@shequ/kit';
import { communityPageLoader } from '../common/community-pages';
import type { MediationCase } from './mediation-case.entity';
import type { MediationCaseCriteria } from './mediation-case.input';

/** The shape of this list's cursors (its sortKey), for readPage. */
export const MEDIATION_CASE_CURSOR: readonly CursorPart[] = ['date', 'id'];

export function createMediationCaseLoaders(dataSource: DataSource) {
  return {
    mediationCasePages: communityPageLoader<MediationCase, MediationCaseCriteria>(dataSource, {
      table: 'public_safety.mediation_case',
      columns: `t.id, t.community_code AS "communityCode", t.category, t.received_on::text AS "receivedOn", t.mediator, t.outcome,
                t.closed_on::text AS "closedOn", t.days_to_close AS "daysToClose"`,
      orderBy: 't.received_on DESC, t.id DESC',
      after: '(t.received_on, t.id) < ($A1::date, $A2::uuid)',
      sortKey: (mediation) => [mediation.receivedOn, mediation.id],
      conditions: (criteria, parameters) => {
        const conditions: string[] = [];
        if (criteria.category) {
          parameters.push(criteria.category);
          conditions.push(`t.category = $${parameters.length}`);
        }
        if (criteria.open !== null) {
          conditions.push(criteria.open ? 't.closed_on IS NULL' : 't.closed_on IS NOT NULL');
        }
        return conditions;
      },
    }),
  };
}
