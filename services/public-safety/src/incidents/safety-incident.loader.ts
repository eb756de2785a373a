import type { DataSource } from 'typeorm';
import type { CursorPart } from '@shequ/kit';
import { communityPageLoader } from '../common/community-pages';
import type { SafetyIncident } from './safety-incident.entity';
import type { SafetyIncidentCriteria } from './safety-incident.input';

/** The shape of this list's cursors (its sortKey), for readPage. */
export const SAFETY_INCIDENT_CURSOR: readonly CursorPart[] = ['instant', 'id'];

export function createSafetyIncidentLoaders(dataSource: DataSource) {
  return {
    safetyIncidentPages: communityPageLoader<SafetyIncident, SafetyIncidentCriteria>(dataSource, {
      table: 'public_safety.safety_incident',
      columns: `t.id, t.community_code AS "communityCode", t.category, t.severity, t.occurred_at AS "occurredAt", t.reported_at AS "reportedAt", t.status, t.summary`,
      orderBy: 't.occurred_at DESC, t.id DESC',
      after: '(t.occurred_at, t.id) < ($A1::timestamptz, $A2::uuid)',
      sortKey: (incident) => [new Date(incident.occurredAt).toISOString(), incident.id],
      conditions: (criteria, parameters) => {
        const conditions: string[] = [];
        if (criteria.category) {
          parameters.push(criteria.category);
          conditions.push(`t.category = $${parameters.length}`);
        }
        if (criteria.status) {
          parameters.push(criteria.status);
          conditions.push(`t.status = $${parameters.length}`);
        }
        return conditions;
      },
    }),
  };
}
