import { auditLogMigration, AuditEntry, defineSubgraph, streetMonthSummariesMigration } from '@shequ/kit';
import { SAFETY_SUMMARIES } from './community/safety-summaries';
import { PublicSafetyFigureFeed } from './statistics/public-safety-figures';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { CommunityReference, RegionReference } from './community/community.entity';
import { CommunitySafetyResolver, RegionSafetyResolver } from './community/community-safety.resolver';
import { SafetyIncident } from './incidents/safety-incident.entity';
import { SafetyIncidentResolver } from './incidents/safety-incident.resolver';
import { Inspection, InspectionHazard } from './inspections/inspection.entity';
import { InspectionResolver } from './inspections/inspection.resolver';
import { LegalService } from './legal/legal-service.entity';
import { LegalServiceResolver } from './legal/legal-service.resolver';
import { createPublicSafetyLoaders } from './loaders';
import { MediationCase } from './mediation/mediation-case.entity';
import { MediationCaseResolver } from './mediation/mediation-case.resolver';
import { PublicSafetySchema1764500000000 } from './migrations/1764500000000-public-safety-schema';
import { PoliceLiaison } from './policing/police-liaison.entity';
import { PoliceLiaisonResolver } from './policing/police-liaison.resolver';
import { Patrol, SafetyGroup } from './prevention/patrol.entity';
import { PatrolResolver } from './prevention/patrol.resolver';
import { SafetyRankingResolver } from './ranking/safety-ranking.resolver';
import { SupervisedPerson } from './supervision/supervised-person.entity';
import { SupervisedPersonResolver } from './supervision/supervised-person.resolver';

/** Public safety: policing, mass prevention, incidents, mediation, legal services, inspections and (restricted) supervised persons. */
export const publicSafetySubgraph = defineSubgraph({
  name: 'public-safety',
  databaseSchema: 'public_safety',
  entities: [AuditEntry, PoliceLiaison, SafetyGroup, Patrol, SafetyIncident, MediationCase, LegalService, Inspection, InspectionHazard, SupervisedPerson],
  migrations: [auditLogMigration('public_safety'), PublicSafetySchema1764500000000, streetMonthSummariesMigration(SAFETY_SUMMARIES)],
  resolvers: [
    CommunitySafetyResolver,
    RegionSafetyResolver,
    PoliceLiaisonResolver,
    PatrolResolver,
    SafetyIncidentResolver,
    MediationCaseResolver,
    LegalServiceResolver,
    InspectionResolver,
    SupervisedPersonResolver,
    AuditLogResolver,
    SafetyRankingResolver,
    PublicSafetyFigureFeed,
  ],
  entityTypes: [CommunityReference, RegionReference],
  references: {
    Community: (reference: CommunityReference) => reference,
    Region: (reference: RegionReference) => reference,
  },
  createLoaders: createPublicSafetyLoaders,
});
