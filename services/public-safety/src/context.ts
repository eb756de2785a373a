import type { SubgraphContext } from '@shequ/kit';
import type { createSafetyStatsLoader } from './community/safety-stats.loader';
import type { createSafetyIncidentLoaders } from './incidents/safety-incident.loader';
import type { createInspectionLoaders } from './inspections/inspection.loader';
import type { createMediationCaseLoaders } from './mediation/mediation-case.loader';
import type { createPoliceLiaisonLoaders } from './policing/police-liaison.loader';
import type { createPatrolLoaders } from './prevention/patrol.loader';

/** Every loader one public-safety request may use, by context; built fresh for each request. */
export interface PublicSafetyLoaders {
  community: { safetyStats: ReturnType<typeof createSafetyStatsLoader> };
  policing: ReturnType<typeof createPoliceLiaisonLoaders>;
  prevention: ReturnType<typeof createPatrolLoaders>;
  incidents: ReturnType<typeof createSafetyIncidentLoaders>;
  mediation: ReturnType<typeof createMediationCaseLoaders>;
  inspections: ReturnType<typeof createInspectionLoaders>;
}

export type PublicSafetyContext = SubgraphContext<PublicSafetyLoaders>;
