import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@shequ/kit';
import { createSafetyStatsLoader } from './community/safety.stats';
import { createSafetyIncidentLoaders } from './incidents/safety-incident.loader';
import { createInspectionLoaders } from './inspections/inspection.loader';
import { createMediationCaseLoaders } from './mediation/mediation-case.loader';
import { createPoliceLiaisonLoaders } from './policing/police-liaison.loader';
import { createPatrolLoaders } from './prevention/patrol.loader';

/** Every loader one public-safety request may use; built fresh for each request. */
export function createPublicSafetyLoaders(dataSource: DataSource) {
  return {
    safetyStats: createSafetyStatsLoader(dataSource),
    ...createPoliceLiaisonLoaders(dataSource),
    ...createPatrolLoaders(dataSource),
    ...createSafetyIncidentLoaders(dataSource),
    ...createMediationCaseLoaders(dataSource),
    ...createInspectionLoaders(dataSource),
  };
}

export type PublicSafetyLoaders = ReturnType<typeof createPublicSafetyLoaders>;
export type PublicSafetyContext = SubgraphContext<PublicSafetyLoaders>;
